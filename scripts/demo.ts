/**
 * `npm run demo`: a tour of the package under the real Pulumi engine, offline.
 *
 * The package is the one users get: this checkout packed with `npm pack` and installed with a
 * plain `npm install` into a throwaway project (scripts/install-packed.js; reused while nothing
 * that goes into the package changed). The root project (Pulumi.yaml and the program it names,
 * examples/lookup-only) runs from a copy whose node_modules is that project's.
 *
 * 1. Starts the local Lightsail emulator with three certificates.
 * 2. `pulumi up` of the root project.
 * 3. Renews a certificate in the emulator; `pulumi preview --diff` shows the update.
 * 4. Lets a certificate come close to expiry; `pulumi preview --policy-pack
 *    node_modules/pulumi-lightsail-certificates/policy` is blocked.
 * 5. Destroys the stack and stops the emulator (also when a step fails).
 */
import { startEmulator } from "../emulator";
import {
  assertPulumiCli,
  createPulumiWorkspace,
  INSTALLED_POLICY_PACK,
  REPO_ROOT,
  type RunResult,
} from "../tools/harness";
import { testPackage } from "../tools/installed-package";
import { apiCertificate, emulatorEnv, otherCertificate, siteCertificate } from "../tools/lookup-program";

const DAY = 86_400_000;

const site = siteCertificate;
const api = apiCertificate;
const other = otherCertificate;

function banner(text: string): void {
  console.log(`\n\x1b[1m=== ${text}\x1b[0m`);
}

/** Prints the CLI's output without the noise of progress lines. */
function show(result: RunResult): void {
  const text = `${result.stdout}${result.stderr ? `\n${result.stderr}` : ""}`
    .split("\n")
    .filter((line) => !/^\s*(@ |Previewing update|Updating \(|Destroying \(|View Live|$)/.test(line))
    .join("\n");
  console.log(text.trim());
}

async function main(): Promise<void> {
  await assertPulumiCli();
  banner("The package as users install it: npm pack, then npm install of the tarball");
  const pkg = await testPackage();
  console.log(
    pkg.source === "checkout"
      ? `LSC_TEST_PACKAGE=checkout: using this checkout (${pkg.packageDir})`
      : `${pkg.tarball} installed in ${pkg.projectDir}` +
          (pkg.reused
            ? " (reused: nothing that goes into the package changed)"
            : ` (pack ${(pkg.packMs / 1000).toFixed(1)} s, install ${(pkg.installMs / 1000).toFixed(1)} s)`),
  );
  banner("Starting the local Lightsail emulator (3 certificates, 1 per page)");
  const emulator = await startEmulator({
    fixtures: { certificates: [site(), api, other] },
    pageSize: 1,
    log: () => undefined,
  });
  console.log(`emulator on 127.0.0.1:${emulator.port}`);
  const ws = await createPulumiWorkspace({
    programDir: REPO_ROOT,
    only: ["Pulumi.yaml", "examples/lookup-only"],
    stack: "demo",
    env: emulatorEnv(emulator),
    config: { "aws:region": "us-east-1" },
  });
  try {
    banner("pulumi up: two CertificateLookups and two function lookups");
    show(await ws.up());

    banner("The certificate example-com is renewed in Lightsail (new serial, new dates)");
    await emulator.setFixtures({
      certificates: [
        site({ serialNumber: "0a:02", notBefore: "2027-08-01T00:00:00Z", notAfter: "2028-09-01T00:00:00Z" }),
        api,
        other,
      ],
    });
    banner("pulumi preview --diff: the lookup shows an update naming what changed");
    show(await ws.preview(["--diff"]));
    show(await ws.up());

    banner("example-com now expires in 10 days");
    await emulator.setFixtures({
      certificates: [
        site({
          serialNumber: "0a:03",
          notBefore: "2026-01-01T00:00:00Z",
          notAfter: new Date(Date.now() + 10.5 * DAY).toISOString(),
        }),
        api,
        other,
      ],
    });
    banner(`pulumi preview --policy-pack ${INSTALLED_POLICY_PACK}: the deploy is blocked`);
    const blocked = await ws.preview(["--policy-pack", INSTALLED_POLICY_PACK], { expectFailure: true });
    show(blocked);
    console.log(`\n(pulumi exited with code ${blocked.code})`);

    banner("pulumi destroy: the lookups own nothing, no certificate is touched");
    emulator.resetCalls();
    show(await ws.destroy());
    const writes = emulator.calls().filter((c) => !(c.operation ?? "").startsWith("Get"));
    console.log(`requests that change Lightsail during destroy: ${writes.length}`);
  } finally {
    await ws.cleanup();
    await emulator.stop();
  }
  banner("Done");
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
