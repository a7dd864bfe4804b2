/**
 * What `npm pack` of this checkout yields, as a plain `npm install` of the tarball puts it in a
 * project's node_modules (scripts/install-packed.js; always the installed package here, whatever
 * LSC_TEST_PACKAGE says): complete (entry points, types, bins, the policy pack, LICENSE, the
 * docs its Markdown links to), free of repository-only files and install scripts, with the
 * dependency ranges users need.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, useTestPackage } from "../helpers/installed-package";
import { describeResult, runBounded } from "../helpers/run-bounded";

type Manifest = {
  name: string;
  version: string;
  license?: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  typesVersions?: Record<string, Record<string, string[]>>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

/** Every file under dir, as `/`-separated paths relative to it. */
function listFiles(dir: string, rel = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(dir, child));
    else out.push(child);
  }
  return out.sort();
}

/** Relative link targets of a Markdown text (inline and reference links), outside code blocks. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, "").replace(/`[^`\n]*`/g, "");
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]!),
  ];
  return targets.filter((t) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(t)).map((t) => t.replace(/[#?].*$/, ""));
}

const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare"];

describe("the packed tarball, installed with a plain npm install", function () {
  this.timeout(60_000);
  const pkg = useTestPackage("installed");
  let files: string[];
  let manifest: Manifest;
  const has = (file: string) => files.includes(path.posix.normalize(file.replace(/^\.\//, "")));

  before(() => {
    files = listFiles(pkg().packageDir);
    manifest = JSON.parse(fs.readFileSync(path.join(pkg().packageDir, "package.json"), "utf8")) as Manifest;
  });

  it("is npm's copy of the tarball (no link), outside the checkout, and what the project resolves", async () => {
    const { projectDir, nodeModules, packageDir, tarball } = pkg();
    assert.ok(!fs.lstatSync(path.join(nodeModules, manifest.name)).isSymbolicLink());
    assert.ok(
      !projectDir.startsWith(REPO_ROOT + path.sep),
      `${projectDir} is inside the checkout: modules missing from the install would resolve from it`,
    );
    for (const id of [manifest.name, `${manifest.name}/provider`, `${manifest.name}/emulator`]) {
      const resolved = pkg().require.resolve(id);
      assert.ok(resolved.startsWith(packageDir + path.sep), `${id} resolves to ${resolved}`);
    }
    assert.ok(tarball, "the tarball is known");
    const listing = await runBounded("tar", ["-tzf", tarball], { cwd: projectDir, timeoutMs: 60_000 });
    assert.equal(listing.code, 0, describeResult("tar -tzf", listing));
    const packed = listing.stdout
      .split("\n")
      .filter((l) => l !== "" && !l.endsWith("/"))
      .map((l) => l.replace(/^package\//, ""))
      .sort();
    assert.deepEqual(files, packed, "the installed package holds exactly the tarball's files");
  });

  it("holds every file its package.json points at: main, types, exports, typesVersions, bin", () => {
    const targets = new Set<string>([manifest.main!, manifest.types!]);
    for (const entry of Object.values(manifest.exports ?? {})) {
      for (const target of typeof entry === "string" ? [entry] : Object.values(entry)) targets.add(target);
    }
    for (const map of Object.values(manifest.typesVersions ?? {})) {
      for (const list of Object.values(map)) list.forEach((t) => targets.add(t));
    }
    for (const bin of Object.values(manifest.bin ?? {})) targets.add(bin);
    assert.ok(targets.size >= 10, `too few targets: ${[...targets]}`);
    for (const target of targets)
      assert.ok(has(target), `package.json points at ${target}, not in the tarball`);
    for (const subpath of [".", "./provider", "./emulator"]) {
      assert.ok(manifest.exports?.[subpath], `exports has no ${subpath}`);
    }
    for (const [name, bin] of Object.entries(manifest.bin ?? {})) {
      const text = fs.readFileSync(path.join(pkg().packageDir, bin), "utf8");
      assert.match(text, /^#!\/usr\/bin\/env node\n/, `bin ${name} has no node shebang`);
    }
  });

  it("holds LICENSE (the Apache License 2.0 text), README.md and CHANGELOG.md", () => {
    assert.equal(manifest.license, "Apache-2.0");
    const license = fs.readFileSync(path.join(pkg().packageDir, "LICENSE"), "utf8");
    assert.match(
      license,
      /^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\//,
    );
    for (const clause of ["1. Definitions.", "4. Redistribution.", "9. Accepting Warranty", "END OF TERMS"]) {
      assert.ok(license.includes(clause), `LICENSE lacks "${clause}"`);
    }
    for (const doc of ["README.md", "CHANGELOG.md", "RELIABILITY.md"]) assert.ok(has(doc), `${doc} missing`);
  });

  it("links only to files it holds, from every Markdown file it ships", () => {
    const markdown = files.filter((f) => f.endsWith(".md"));
    assert.ok(markdown.includes("README.md") && markdown.length >= 5, `Markdown files: ${markdown}`);
    const broken: string[] = [];
    let checked = 0;
    for (const doc of markdown) {
      const text = fs.readFileSync(path.join(pkg().packageDir, doc), "utf8");
      for (const link of relativeLinks(text)) {
        checked++;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(doc), decodeURI(link)));
        const isDir = files.some((f) => f.startsWith(target.replace(/\/$/, "") + "/"));
        if (!has(target) && !isDir) broken.push(`${doc} -> ${link}`);
      }
    }
    assert.ok(checked >= 10, `only ${checked} relative links found: is the link parser broken?`);
    assert.deepEqual(broken, [], "relative links to files the tarball does not hold");
  });

  it("ships no sources, tests, repository scripts or source maps (the examples are the only .ts files)", () => {
    const unwanted = files.filter(
      (f) =>
        /^(tests|scripts|bench|provider|api|sdk|gate\/.*\.ts$|emulator\/.*\.ts$|node_modules)\b/.test(f) ||
        (f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("examples/")) ||
        f.endsWith(".map") ||
        /(^|\/)(Pulumi\.[^/]+\.yaml|tsconfig\.build\.json|\.prettierrc\.json|eslint\.config\.mjs)$/.test(f),
    );
    assert.deepEqual(unwanted, []);
  });

  it("runs no install script: a plain npm install needs nothing from the repository", () => {
    const scripts = manifest.scripts ?? {};
    assert.deepEqual(
      INSTALL_SCRIPTS.filter((s) => scripts[s] !== undefined),
      [],
      "lifecycle scripts that npm runs when installing the package",
    );
    const lock = JSON.parse(fs.readFileSync(path.join(pkg().projectDir, "package-lock.json"), "utf8")) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    assert.equal(lock.packages[`node_modules/${manifest.name}`]?.hasInstallScript, undefined);
  });

  it("asks for @pulumi/pulumi >=3.248.0 <4 as a peer, @pulumi/policy as an optional peer, a caret range of the AWS SDK", () => {
    assert.deepEqual(manifest.peerDependencies, {
      "@pulumi/policy": ">=1.21.0 <2.0.0",
      "@pulumi/pulumi": ">=3.248.0 <4.0.0",
    });
    assert.deepEqual(manifest.peerDependenciesMeta, { "@pulumi/policy": { optional: true } });
    // client-sts since 0.3.0: the gate, the lookups and the pack assume roles (issue 21).
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [
      "@aws-sdk/client-lightsail",
      "@aws-sdk/client-sts",
    ]);
    assert.match(manifest.dependencies!["@aws-sdk/client-lightsail"]!, /^\^3\.\d+\.\d+$/);
    assert.match(manifest.dependencies!["@aws-sdk/client-sts"]!, /^\^3\.\d+\.\d+$/);
  });

  it("ships the policy pack compiled, with its own package.json (version, main) and PulumiPolicy.yaml", () => {
    const packDir = path.join(pkg().packageDir, "policy");
    const packManifest = JSON.parse(
      fs.readFileSync(path.join(packDir, "package.json"), "utf8"),
    ) as Manifest & {
      dependencies?: Record<string, string>;
    };
    assert.equal(packManifest.version, manifest.version, "the pack's version is the package's");
    assert.ok(packManifest.main, "the pack's package.json names its main");
    assert.ok(has(path.posix.join("policy", packManifest.main)), `policy/${packManifest.main} is missing`);
    assert.equal(
      packManifest.dependencies,
      undefined,
      "the pack's modules come from the project, not its own",
    );
    assert.match(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
    const packFiles = files.filter((f) => f.startsWith("policy/"));
    assert.deepEqual(
      packFiles.filter((f) => f.endsWith(".ts")),
      [],
      "the pack is shipped as JavaScript: nothing for ts-node to compile and type-check at every run",
    );
    // The pack's policies load from the installed package, through its public provider entry.
    const policies = pkg().require(path.join(packDir, path.dirname(packManifest.main), "policies.js")) as {
      createPolicies(): Array<{ name: string }>;
    };
    assert.deepEqual(
      policies
        .createPolicies()
        .map((p) => p.name)
        .sort(),
      ["lightsail-certificate-expiry", "lightsail-certificate-issued", "lightsail-certificate-renewal"],
    );
  });

  it("its bins start from node_modules/.bin and print their usage", async () => {
    for (const [bin, usage] of [
      ["lightsail-certs", /^Usage:\n\s+lightsail-certs list/],
      ["lightsail-emulator", /^Usage: lightsail-emulator/],
    ] as const) {
      const r = await runBounded(path.join(pkg().nodeModules, ".bin", bin), ["--help"], {
        cwd: pkg().projectDir,
        timeoutMs: 30_000,
      });
      assert.equal(r.code, 0, describeResult(`${bin} --help`, r));
      assert.match(r.stdout, usage);
    }
  });
});
