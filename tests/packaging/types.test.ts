/**
 * Every public entry point of the installed package (`.`, `./provider`, `./emulator`) resolves,
 * with its types, under each `moduleResolution` a user may have: `node` (the CommonJS layout
 * `pulumi new typescript` wrote until 2026; it ignores `exports`, so `typesVersions` carries the
 * subpaths), `node16` (CommonJS and ESM files) and `bundler`. One tsc run per resolution, strict
 * and without skipLibCheck (as the template), over a program importing every entry point, in a
 * project where the packed tarball was installed with a plain `npm install`.
 *
 * The `node` and `node16` programs are then run: they start the emulator from `/emulator`, find
 * its certificate through the root and through `/provider`'s `check` (what stored state calls),
 * and print what they found.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { copyProgram, REPO_ROOT, useTestPackage } from "../../tools/installed-package";
import { describeResult, runBounded } from "../helpers/run-bounded";

const TSC_TIMEOUT_MS = 3 * 60_000;

/** The program: imports every entry point, checks that no import is `any`, and uses each. */
const PROGRAM = `import {
  CertificateLookup,
  getCertificateOutput,
  getCertificates,
  LightsailCertificateError,
  type Certificate,
} from "pulumi-lightsail-certificates";
import { check, STATE_CONTRACT_VERSION, type LookupInputs } from "pulumi-lightsail-certificates/provider";
import {
  EMULATOR_CREDENTIALS,
  makeCertificate,
  startEmulator,
  type RunningEmulator,
} from "pulumi-lightsail-certificates/emulator";

type IsAny<T> = 0 extends 1 & T ? true : false;
export const anyImports: [
  IsAny<typeof getCertificates>,
  IsAny<typeof getCertificateOutput>,
  IsAny<typeof CertificateLookup>,
  IsAny<Certificate>,
  IsAny<typeof check>,
  IsAny<LookupInputs>,
  IsAny<typeof startEmulator>,
  IsAny<RunningEmulator>,
] = [false, false, false, false, false, false, false, false];

export async function main(): Promise<void> {
  const emulator: RunningEmulator = await startEmulator({
    fixtures: { certificates: [makeCertificate({ name: "site", domainName: "example.com" })] },
  });
  try {
    Object.assign(process.env, emulator.env(), {
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    });
    const listed = await getCertificates({ region: "us-east-1" });
    // What a stored CertificateLookup provider calls: the search resolved in check.
    const checked = await check({}, { query: { domainName: "example.com", region: "us-east-1" } });
    const found: LookupInputs = checked.inputs;
    let error = "";
    try {
      // The argument type refuses it at compile time; a JavaScript caller gets it refused at run time.
      await getCertificates({ region: "us-east-1", statuses: ["NOT_A_STATUS" as never] });
    } catch (err) {
      error = err instanceof LightsailCertificateError ? err.name : "not a LightsailCertificateError";
    }
    console.log(
      JSON.stringify({
        listed: listed.certificates.map((c) => c.name),
        found: found.name,
        contract: STATE_CONTRACT_VERSION,
        error,
        accessKeyId: EMULATOR_CREDENTIALS.accessKeyId,
        lookup: typeof CertificateLookup,
      }),
    );
  } finally {
    await emulator.stop();
  }
}
`;

/** Runs main() when the file is run (not when only type-checked). */
const RUN = `main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
`;

interface Mode {
  compilerOptions: Record<string, unknown>;
  /** Files to write, by name. */
  files: Record<string, string>;
  /** Compiled files to run after the check (the check emits to bin/ then). */
  run: string[];
}

const BASE = { strict: true, target: "es2020", outDir: "bin", forceConsistentCasingInFileNames: true };

const MODES: Record<string, Mode> = {
  node: {
    compilerOptions: { ...BASE, module: "commonjs", moduleResolution: "node" },
    files: { "index.ts": `${PROGRAM}\n${RUN}` },
    run: ["bin/index.js"],
  },
  node16: {
    compilerOptions: { ...BASE, module: "node16", moduleResolution: "node16" },
    files: { "index.ts": `${PROGRAM}\n${RUN}`, "esm.mts": `${PROGRAM}\n${RUN}` },
    run: ["bin/index.js", "bin/esm.mjs"],
  },
  bundler: {
    compilerOptions: { ...BASE, module: "esnext", moduleResolution: "bundler", noEmit: true },
    files: { "index.ts": PROGRAM },
    run: [],
  },
};

const EXPECTED = {
  listed: ["site"],
  found: "site",
  contract: 1,
  error: "InvalidArgumentError",
  accessKeyId: "AKIALSEMULATORTEST01",
  lookup: "function",
};

describe("types of every entry point under moduleResolution node, node16 and bundler", function () {
  this.timeout(TSC_TIMEOUT_MS + 60_000);
  const pkg = useTestPackage("installed");

  for (const [name, mode] of Object.entries(MODES)) {
    it(`moduleResolution ${name}: tsc accepts the program${mode.run.length ? ", which runs" : ""}`, async () => {
      const dir = copyProgram(pkg(), path.join(REPO_ROOT, "examples", "lookup-only"), {
        prefix: `types-${name}`,
        only: ["Pulumi.yaml"],
      });
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: `types-${name}`, private: true }),
      );
      for (const [file, text] of Object.entries(mode.files)) fs.writeFileSync(path.join(dir, file), text);
      const tsconfig = { compilerOptions: mode.compilerOptions, files: Object.keys(mode.files) };
      fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));

      const tsc = pkg().require.resolve("typescript/bin/tsc");
      const checked = await runBounded(process.execPath, [tsc, "--pretty", "false", "-p", "tsconfig.json"], {
        cwd: dir,
        timeoutMs: TSC_TIMEOUT_MS,
      });
      assert.equal(checked.code, 0, describeResult(`tsc (moduleResolution ${name})`, checked));

      for (const file of mode.run) {
        const r = await runBounded(process.execPath, [file], { cwd: dir, timeoutMs: 60_000 });
        assert.equal(r.code, 0, describeResult(`node ${file}`, r));
        assert.deepEqual(JSON.parse(r.stdout.trim()), EXPECTED, `node ${file} printed ${r.stdout}`);
      }
    });
  }
});
