/**
 * The provider plugin's archives for the five platforms (`node scripts/build-plugin.js`, cached
 * outside the clone by input hash): what each holds, read from the .tar.gz here (gunzip and a
 * ustar reader, no tar command), and what its executables are, from their headers (ELF machine,
 * Mach-O CPU type, PE machine and subsystem), for the launcher and for Node.js. The bundle must
 * stand alone: it requires only Node's built-in modules. The linux-amd64 launcher runs here, with
 * an empty PATH: it passes its arguments, standard output and exit code through, and honours
 * PULUMI_LSC_NODE. tests/e2e/yaml.test.ts runs that archive under the real engine.
 */
import { strict as assert } from "node:assert";
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { REPO_ROOT } from "../../tools/installed-package";

interface TarEntry {
  name: string;
  type: "file" | "dir" | "other";
  mode: number;
  data: Buffer;
}

/** The entries of an uncompressed tar (ustar/GNU headers, names as stored, "./" dropped). */
function readTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString("latin1")
        .replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = (prefix ? `${prefix}/` : "") + field(0, 100);
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const mode = parseInt(field(100, 8).trim() || "0", 8);
    const flag = String.fromCharCode(header[156]!);
    const type = flag === "0" || flag === "\0" ? "file" : flag === "5" ? "dir" : "other";
    const data = tar.subarray(offset + 512, offset + 512 + size);
    entries.push({ name: name.replace(/^\.\//, "").replace(/\/$/, ""), type, mode, data });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** What an executable's header says: its format and CPU, e.g. "elf x86-64", "pe x86-64 console". */
function executableFormat(b: Buffer): string {
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    assert.equal(b[4], 2, "a 64-bit ELF");
    assert.equal(b[5], 1, "a little-endian ELF");
    const machine = b.readUInt16LE(0x12);
    return `elf ${machine === 0x3e ? "x86-64" : machine === 0xb7 ? "aarch64" : `machine 0x${machine.toString(16)}`}`;
  }
  if (b.length >= 8 && b.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = b.readUInt32LE(4);
    return `mach-o ${cpu === 0x01000007 ? "x86-64" : cpu === 0x0100000c ? "arm64" : `cputype 0x${cpu.toString(16)}`}`;
  }
  if (b.length >= 0x40 && b.toString("latin1", 0, 2) === "MZ") {
    const pe = b.readUInt32LE(0x3c);
    assert.equal(b.toString("latin1", pe, pe + 4), "PE\0\0", "the PE signature at e_lfanew");
    const machine = b.readUInt16LE(pe + 4);
    const optional = pe + 24;
    assert.equal(b.readUInt16LE(optional), 0x20b, "a PE32+ optional header");
    const subsystem = b.readUInt16LE(optional + 68);
    const cpu = machine === 0x8664 ? "x86-64" : `machine 0x${machine.toString(16)}`;
    return `pe ${cpu} ${subsystem === 3 ? "console" : `subsystem ${subsystem}`}`;
  }
  return `unknown (${b.subarray(0, 4).toString("hex")})`;
}

/**
 * Module names a bundle requires with a literal string, outside Node's built-ins (a `require(`
 * after "[" is the AWS SDK's error message telling users to load its optional signers).
 */
function nonBuiltinRequires(code: string): string[] {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const names = [...code.matchAll(/(?<![\w.$[])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !builtins.has(n)))].sort();
}

function runNode(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: REPO_ROOT, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`${args.join(" ")}: ${err.message}\n${stderr.slice(-3000)}`))
          : resolve(stdout),
    );
  });
}

/** Runs an executable to its end with an environment of its own; resolves code, stdout and stderr. */
function runExe(
  exe: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const version = (
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
).version;

const EXPECTED: Record<string, { launcher: string; node: string; format: string; files: string[] }> = {
  "linux-amd64": {
    launcher: "pulumi-resource-lightsail-certificates",
    node: "node/bin/node",
    format: "elf x86-64",
    files: [],
  },
  "linux-arm64": {
    launcher: "pulumi-resource-lightsail-certificates",
    node: "node/bin/node",
    format: "elf aarch64",
    files: [],
  },
  "darwin-amd64": {
    launcher: "pulumi-resource-lightsail-certificates",
    node: "node/bin/node",
    format: "mach-o x86-64",
    files: [],
  },
  "darwin-arm64": {
    launcher: "pulumi-resource-lightsail-certificates",
    node: "node/bin/node",
    format: "mach-o arm64",
    files: [],
  },
  "windows-amd64": {
    launcher: "pulumi-resource-lightsail-certificates.exe",
    node: "node/node.exe",
    format: "pe x86-64 console",
    files: [],
  },
};
for (const e of Object.values(EXPECTED))
  e.files = [e.launcher, "plugin.js", "LICENSE", "node/LICENSE", e.node].sort();

describe("the provider plugin's archives for five platforms", function () {
  this.timeout(5 * 60_000);
  const archives = new Map<string, string>();
  const entries = new Map<string, TarEntry[]>();

  before(async function () {
    this.timeout(30 * 60_000);
    const out = await runNode([path.join(REPO_ROOT, "scripts", "build-plugin.js")], 30 * 60_000);
    for (const archive of out.trim().split("\n")) {
      const m = /-v(\d+\.\d+\.\d+)-([a-z]+-[a-z0-9]+)\.tar\.gz$/.exec(archive);
      assert.ok(m, `an archive name: ${archive}`);
      archives.set(m[2]!, archive);
    }
  });

  const entriesOf = (platform: string): TarEntry[] => {
    if (!entries.has(platform))
      entries.set(platform, readTar(gunzipSync(fs.readFileSync(archives.get(platform)!))));
    return entries.get(platform)!;
  };
  const fileOf = (platform: string, name: string): TarEntry => {
    const e = entriesOf(platform).find((x) => x.name === name && x.type === "file");
    assert.ok(e, `${name} in the ${platform} archive`);
    return e;
  };

  it("builds one archive per platform, named as `pulumi plugin install --file` expects", () => {
    assert.deepEqual([...archives.keys()].sort(), Object.keys(EXPECTED).sort());
    for (const [platform, archive] of archives)
      assert.equal(
        path.basename(archive),
        `pulumi-resource-lightsail-certificates-v${version}-${platform}.tar.gz`,
      );
  });

  for (const [platform, want] of Object.entries(EXPECTED)) {
    describe(platform, () => {
      it("holds the launcher, the bundle, Node.js and the licences, nothing else", () => {
        const got = entriesOf(platform);
        assert.deepEqual(
          got
            .filter((e) => e.type === "file")
            .map((e) => e.name)
            .sort(),
          want.files,
        );
        assert.deepEqual(
          got.filter((e) => e.type === "other"),
          [],
          "no links or special files",
        );
      });

      it(`the launcher and node are ${want.format} executables`, () => {
        for (const name of [want.launcher, want.node]) {
          const e = fileOf(platform, name);
          assert.equal(executableFormat(e.data), want.format, name);
          if (!platform.startsWith("windows")) assert.equal(e.mode & 0o111, 0o111, `${name} is executable`);
        }
      });

      it("the bundle stands alone: it requires Node's built-in modules only", () => {
        const code = fileOf(platform, "plugin.js").data.toString("utf8");
        assert.deepEqual(nonBuiltinRequires(code), []);
        assert.ok(code.includes("@grpc/grpc-js"), "the gRPC server is inside");
        assert.ok(code.includes("GetCertificatesCommand"), "the Lightsail client is inside");
      });
    });
  }

  describe("the linux-amd64 launcher, run here with an empty PATH", () => {
    let dir: string;
    const launcher = () => path.join(dir, "pulumi-resource-lightsail-certificates");

    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-archive-"));
      for (const e of entriesOf("linux-amd64")) {
        const p = path.join(dir, e.name);
        if (e.type === "dir") fs.mkdirSync(p, { recursive: true });
        else {
          fs.mkdirSync(path.dirname(p), { recursive: true });
          fs.writeFileSync(p, e.data, { mode: e.mode });
        }
      }
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("its node is Node.js 22 and serves the plugin: it prints the port it listens on", async () => {
      const v = await runExe(path.join(dir, "node", "bin", "node"), ["--version"], { PATH: "" });
      assert.match(v.stdout, /^v22\.\d+\.\d+\n$/);
      const port = await new Promise<string>((resolve, reject) => {
        const child = spawn(launcher(), ["127.0.0.1:1"], {
          env: { PATH: "" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          if (out.includes("\n")) child.kill("SIGTERM");
        });
        child.on("error", reject);
        child.on("close", () => {
          clearTimeout(timer);
          if (out.includes("\n")) resolve(out.split("\n")[0]!);
          else reject(new Error(`no port printed; stderr: ${err}`));
        });
      });
      assert.match(port, /^\d+$/);
    });

    it("passes its arguments and standard output through, exits with node's exit code, honours PULUMI_LSC_NODE", async () => {
      const real = fs.readFileSync(path.join(dir, "plugin.js"));
      fs.writeFileSync(
        path.join(dir, "plugin.js"),
        "console.log(JSON.stringify([process.execPath, ...process.argv.slice(2)])); process.exit(7);\n",
      );
      try {
        const r = await runExe(launcher(), ["a b", "--c"], { PATH: "" });
        assert.equal(r.code, 7, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), [
          fs.realpathSync(path.join(dir, "node", "bin", "node")),
          "a b",
          "--c",
        ]);
        const other = await runExe(launcher(), ["x"], { PATH: "", PULUMI_LSC_NODE: process.execPath });
        assert.equal(other.code, 7, other.stderr);
        assert.deepEqual(JSON.parse(other.stdout), [fs.realpathSync(process.execPath), "x"]);
      } finally {
        fs.writeFileSync(path.join(dir, "plugin.js"), real);
      }
    });

    it("fails with a message naming the node it cannot find", async () => {
      const r = await runExe(launcher(), ["127.0.0.1:1"], { PATH: "", PULUMI_LSC_NODE: "/nonexistent/node" });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /pulumi-resource-lightsail-certificates: no Node\.js at \/nonexistent\/node/);
    });
  });
});
