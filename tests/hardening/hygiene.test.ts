/**
 * Credential hygiene under the real Pulumi CLI: one up / preview / refresh / failing preview /
 * destroy cycle of examples/lookup-only against the emulator, then a search of everything it
 * left behind (CLI output, the engine's verbose log, the stack state and its serialized provider,
 * PULUMI_HOME and the file backend on disk, the emulator's call log) for the test credentials and
 * the emulator's endpoint. None may appear. Rows go to RELIABILITY.md.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { EMULATOR_CREDENTIALS, makeCertificate, startEmulator, type RunningEmulator } from "../../emulator";
import {
  assertPulumiCli,
  createPulumiWorkspace,
  REPO_ROOT,
  type PulumiWorkspace,
  type RunResult,
} from "../../tools/harness";
import { credentialNeedles, findLeaks, RowRecorder, type Needle } from "../helpers/hardening-report";
import { HYGIENE_CASES } from "../helpers/hardening-tables";

const LOOKUP_TYPE = "pulumi-nodejs:dynamic/lightsail:CertificateLookup";
/** Each CLI command is killed (with its plugins) after this long. */
const CLI_TIMEOUT_MS = 90_000;
const rows = new RowRecorder("hygiene", "hygiene-e2e", ["Searched", "What happened"]);

/** Every file under `dir` (text or not), as one string per file. */
function filesUnder(dir: string): Array<{ file: string; text: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file, text: fs.readFileSync(file).toString("latin1") };
    });
}

function kb(text: string): string {
  return text.length < 1024 ? `${text.length} B` : `${Math.round(text.length / 1024)} KB`;
}

describe("hardening: no credential or endpoint in state, logs or errors (real Pulumi CLI)", function () {
  this.timeout(5 * 60_000);
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  let needles: Needle[];

  /** Asserts `text` holds no needle and records the row. */
  function searched(caseName: string, text: string, what: string, ms: number): void {
    const leaks = findLeaks(text, needles);
    rows.add(
      caseName,
      [what, leaks.length === 0 ? "no credential or endpoint" : `LEAKS: ${leaks.length}`],
      ms,
    );
    assert.deepEqual(leaks, [], `${caseName} holds a credential or the endpoint`);
  }

  /** Runs a CLI step and searches its output. */
  async function step(caseName: string, run: () => Promise<RunResult>): Promise<RunResult> {
    const started = Date.now();
    const r = await run();
    const out = `${r.stdout}\n${r.stderr}`;
    searched(caseName, out, `exit ${r.code}, ${kb(out)} of output`, Date.now() - started);
    return r;
  }

  before(async function () {
    this.timeout(2 * 60_000);
    await assertPulumiCli();
    emulator = await startEmulator({
      pageSize: 1,
      fixtures: {
        certificates: [
          makeCertificate({
            name: "example-com",
            domainName: "example.com",
            subjectAlternativeNames: ["www.example.com"],
            notAfter: "2035-01-01T00:00:00Z",
          }),
          makeCertificate({
            name: "api-example-com",
            domainName: "api.example.com",
            notAfter: "2035-01-01T00:00:00Z",
          }),
        ],
      },
    });
    needles = credentialNeedles(EMULATOR_CREDENTIALS, emulator.url);
    // Control: the needles do find what the CLI is given.
    assert.equal(findLeaks(JSON.stringify(emulator.env()), needles).length, 4);
    ws = await createPulumiWorkspace({
      programDir: path.join(REPO_ROOT, "examples", "lookup-only"),
      env: {
        ...emulator.env(),
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      config: { "aws:region": "us-east-1" },
    });
  });
  after(async () => {
    rows.write();
    await ws?.cleanup();
    await emulator?.stop();
  });

  it("one up / preview / refresh / failing preview / destroy cycle leaves no credential or endpoint anywhere", async () => {
    await step(HYGIENE_CASES.up, () => ws.up([], { timeoutMs: CLI_TIMEOUT_MS }));
    let started = Date.now();
    const afterUp = JSON.stringify(await ws.exportState());
    let exportMs = Date.now() - started;

    const verbose = await step(HYGIENE_CASES.verbosePreview, () =>
      ws.preview(["--logflow", "-v=9", "--logtostderr"], { timeoutMs: CLI_TIMEOUT_MS }),
    );
    assert.ok(verbose.stderr.length > 100_000, `the engine log is there (${kb(verbose.stderr)})`);
    assert.match(verbose.stderr, /CertificateLookup/, "the engine log shows the lookups");

    await step(HYGIENE_CASES.refresh, () => ws.refresh([], { timeoutMs: CLI_TIMEOUT_MS }));
    started = Date.now();
    const afterRefresh = JSON.stringify(await ws.exportState());
    exportMs += Date.now() - started;

    emulator.addFault({ kind: "expired-token" });
    const failing = await step(HYGIENE_CASES.failingPreview, () =>
      ws.preview([], { expectFailure: true, timeoutMs: CLI_TIMEOUT_MS }),
    );
    assert.match(failing.stdout + failing.stderr, /rejected the credentials \(ExpiredTokenException/);
    emulator.clearFaults();

    const state = `${afterUp}\n${afterRefresh}`;
    const lookups = (
      JSON.parse(afterUp) as { deployment: { resources?: Array<Record<string, unknown>> } }
    ).deployment.resources!.filter((r) => r.type === LOOKUP_TYPE);
    assert.equal(lookups.length, 2, "both lookups are in state");
    searched(HYGIENE_CASES.state, state, `2 exports, ${lookups.length} lookups, ${kb(state)}`, exportMs);

    const providers = lookups.flatMap((r) =>
      [r.inputs, r.outputs].map((bag) => (bag as Record<string, unknown>)?.__provider),
    );
    assert.ok(
      providers.every((p) => typeof p === "string" && p.length > 0),
      "__provider is in state",
    );
    const largest = Math.max(...providers.map((p) => (p as string).length));
    assert.ok(largest < 8 * 1024, `the serialized provider stays small (${largest} characters)`);
    for (const p of providers)
      assert.doesNotMatch(p as string, /process\.env|AKIA|accessKeyId|secretAccessKey/);
    searched(
      HYGIENE_CASES.provider,
      providers.join("\n"),
      `${providers.length} copies, ${kb(providers[0] as string)} each`,
      0,
    );

    const calls = emulator.calls();
    assert.ok(calls.length > 0, "the emulator was called");
    assert.deepEqual(
      calls.filter((c) => !/^Get/.test(c.operation ?? "")),
      [],
      "every request only reads",
    );
    emulator.resetCalls();
    await step(HYGIENE_CASES.destroy, () => ws.destroy([], { timeoutMs: CLI_TIMEOUT_MS }));
    assert.deepEqual(emulator.calls(), [], "destroy sends no request at all: a lookup owns nothing");

    started = Date.now();
    const root = path.dirname(ws.dir);
    const files = [...filesUnder(path.join(root, "home")), ...filesUnder(path.join(root, "state"))];
    assert.ok(files.length > 0, "the backend wrote files");
    const disk = files.map((f) => f.text).join("\n");
    const leaks = files.flatMap((f) =>
      findLeaks(f.text, needles).map((l) => `${path.relative(root, f.file)}: ${l}`),
    );
    rows.add(
      HYGIENE_CASES.disk,
      [
        `${files.length} files, ${kb(disk)}`,
        leaks.length === 0 ? "no credential or endpoint" : `LEAKS: ${leaks.length}`,
      ],
      Date.now() - started,
    );
    assert.deepEqual(leaks, [], "a file of PULUMI_HOME or the backend holds a credential or the endpoint");

    const log = JSON.stringify(calls);
    searched(HYGIENE_CASES.callLog, log, `${calls.length} calls, ${kb(log)}`, 0);
  });
});
