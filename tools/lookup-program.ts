/**
 * What the lookup-only program (the root project) runs against in the end-to-end tests and the
 * demo: its certificates in the emulator and the environment the CLI gets.
 */
import * as path from "node:path";
import {
  makeCertificate,
  startEmulator,
  type CertificateFixture,
  type FixtureDocument,
  type RunningEmulator,
} from "../emulator";
import { useTestPackage } from "./installed-package";
import { assertPulumiCli, createPulumiWorkspace, type PulumiWorkspace, REPO_ROOT } from "./harness";

/** The program: examples/lookup-only. */
export const LOOKUP_PROGRAM = path.join(REPO_ROOT, "examples", "lookup-only");

/** The type token of CertificateLookup. */
export const LOOKUP_TYPE = "pulumi-nodejs:dynamic/lightsail:CertificateLookup";

/** The certificate the program's `site` lookup finds (example.com + www), with changes. */
export function siteCertificate(overrides: Partial<CertificateFixture> = {}): CertificateFixture {
  return makeCertificate({
    name: "example-com",
    domainName: "example.com",
    subjectAlternativeNames: ["www.example.com"],
    serialNumber: "0a:01",
    notBefore: "2026-08-01T00:00:00Z",
    notAfter: "2027-09-01T00:00:00Z",
    ...overrides,
  });
}

/** The certificate the program's `api` lookup finds by name. */
export const apiCertificate = makeCertificate({
  name: "api-example-com",
  domainName: "api.example.com",
  notAfter: "2027-10-01T00:00:00Z",
});

/** A certificate nothing looks up. */
export const otherCertificate = makeCertificate({ name: "other-org", domainName: "other.org" });

/** The CLI's environment: the emulator's endpoint and test credentials, no shared config files. */
export function emulatorEnv(emulator: RunningEmulator): Record<string, string> {
  return {
    ...emulator.env(),
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

/** The emulator and the stack of a suite, available once its `before` hook ran. */
export interface LookupStack {
  readonly emulator: RunningEmulator;
  readonly ws: PulumiWorkspace;
}

/**
 * Before the suite: prepares the package under test (its own hook: a first pack and install
 * takes a while), checks the CLI, starts the emulator (1 certificate per page) with `fixtures`
 * and creates a stack of the lookup program in us-east-1. After it, also when a test failed:
 * removes the stack's files and stops the emulator.
 */
export function useLookupStack(fixtures: () => FixtureDocument): LookupStack {
  let emulator: RunningEmulator | undefined;
  let ws: PulumiWorkspace | undefined;
  useTestPackage();
  before(async function () {
    this.timeout(2 * 60_000);
    await assertPulumiCli();
    emulator = await startEmulator({ fixtures: fixtures(), pageSize: 1 });
    ws = await createPulumiWorkspace({
      programDir: LOOKUP_PROGRAM,
      env: emulatorEnv(emulator),
      config: { "aws:region": "us-east-1" },
    });
  });
  after(async () => {
    await ws?.cleanup();
    await emulator?.stop();
  });
  return {
    get emulator() {
      if (!emulator) throw new Error("the suite's emulator is not started yet");
      return emulator;
    },
    get ws() {
      if (!ws) throw new Error("the suite's stack is not created yet");
      return ws;
    },
  };
}
