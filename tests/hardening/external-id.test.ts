/**
 * The external id of a role is a secret (issue 21): given to the functions (an aws.Provider's
 * `assumeRoles`), the gate (`--external-id`, an accounts file), the policy pack (`externalId` in
 * its config) or a CertificateLookup (`assumeRole.externalId`), it never appears in an error
 * message, a stack, a report, a log line or, in plaintext, in the stack's state. Each surface is
 * made to fail with a wrong id (STS AccessDenied) and with a malformed one, which STS repeats in
 * its own message (ValidationError: "Value '...' at 'externalId'"). Rows go to RELIABILITY.md.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inspect } from "node:util";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EMULATOR_CREDENTIALS, makeCertificate } from "../../emulator";
import { AssumeRoleError, getCertificate } from "../../index";
import { createPolicies, EXPIRY_POLICY } from "../../policy/policies";
import { DISTRIBUTION_TYPE } from "../../policy/references";
import { assertPulumiCli, createPulumiWorkspace, REPO_ROOT, type PulumiWorkspace } from "../../tools/harness";
import { emulatorEnv } from "../../tools/lookup-program";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";
import { findLeaks, RowRecorder, type Needle } from "../helpers/hardening-report";
import { HYGIENE_CASES } from "../helpers/hardening-tables";
import { runPolicy } from "../helpers/policy-harness";

const ROLE = "arn:aws:iam::111111111111:role/LightsailRead";
const MEMBER_ARN = "arn:aws:lightsail:us-east-1:111111111111:Certificate/member-site";
const RIGHT_ID = "ext-right-5b2c91d7";
const WRONG_ID = "ext-wrong-8e4f02a6";
/** Malformed for STS (a space and a '!'), so that STS quotes it back. */
const BAD_ID = "ext bad!93c1";
const NEEDLES: Needle[] = [
  { label: "the right external id", value: RIGHT_ID },
  { label: "a wrong external id", value: WRONG_ID },
  { label: "a malformed external id", value: BAD_ID },
  { label: "part of a malformed external id", value: "bad!93c1" },
];
const rows = new RowRecorder("hygiene", "hygiene-external-id", ["Searched", "What happened"]);

function gate(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", "gate/cli.ts", ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("hardening: the external id is a secret everywhere it is given", function () {
  this.timeout(5 * 60_000);
  const h = useEmulator({
    fixtures: {
      certificates: [],
      accounts: [
        {
          accountId: "111111111111",
          roles: [{ arn: ROLE, externalId: RIGHT_ID }],
          certificates: [
            makeCertificate({ name: "member-site", domainName: "member.example.com", arn: MEMBER_ARN }),
          ],
        },
      ],
    },
  });
  useEmulatorEnvironment(() => h.emulator);
  after(() => rows.write());

  /** Asserts that no text holds a needle and records the row. */
  function searched(caseName: string, texts: string[], what: string, started: number): void {
    const all = texts.join("\n");
    const leaks = findLeaks(all, NEEDLES);
    rows.add(
      caseName,
      [what, leaks.length === 0 ? "no external id" : `LEAKS: ${leaks.length}`],
      Date.now() - started,
    );
    assert.deepEqual(leaks, [], `${caseName} holds an external id`);
  }

  it("control: STS itself repeats a malformed external id in its message", async () => {
    const sts = new STSClient({
      endpoint: h.emulator.url,
      region: "us-east-1",
      credentials: { ...EMULATOR_CREDENTIALS },
      maxAttempts: 1,
    });
    try {
      await assert.rejects(
        sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "control", ExternalId: BAD_ID })),
        (err: Error) => findLeaks(err.message, NEEDLES).length > 0,
      );
    } finally {
      sts.destroy();
    }
  });

  it("functions: a wrong and a malformed id in an aws.Provider's assumeRoles", async () => {
    const started = Date.now();
    await pulumi.runtime.setMocks(
      { newResource: async (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) },
      "project",
      "stack",
      false,
    );
    const texts: string[] = [];
    const codes: string[] = [];
    for (const [name, externalId] of [
      ["wrong", WRONG_ID],
      ["bad", BAD_ID],
    ]) {
      const provider = new aws.Provider(name, {
        region: "us-east-1",
        assumeRoles: [{ roleArn: ROLE, externalId }],
      });
      await assert.rejects(getCertificate({ name: "member-site" }, { provider }), (err: unknown) => {
        assert.ok(AssumeRoleError.isInstance(err), String(err));
        codes.push(err.code);
        texts.push(err.message, String(err.stack), inspect(err), inspect(err.cause), JSON.stringify(err));
        return true;
      });
    }
    assert.deepEqual(codes, ["AccessDenied", "ValidationError"]);
    assert.match(texts.join("\n"), /Value '<external id>' at 'externalId'/, "STS's message, masked");
    searched(
      HYGIENE_CASES.externalIdFunctions,
      texts,
      `2 errors (${codes.join(", ")}), ${texts.length} texts`,
      started,
    );
  });

  it("gate: --external-id and an accounts file, in table, JSON and Markdown", async () => {
    const started = Date.now();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-extid-"));
    const env = { ...emulatorEnv(h.emulator), AWS_REGION: "us-east-1" };
    try {
      const texts: string[] = [];
      const json = path.join(dir, "report.json");
      const md = path.join(dir, "report.md");
      const wrong = await gate(
        ["check", "--role-arn", ROLE, "--external-id", WRONG_ID, "--json", "--output", json],
        env,
      );
      const mdRun = await gate(
        ["check", "--role-arn", ROLE, "--external-id", WRONG_ID, "--format", "markdown", "--output", md],
        env,
      );
      assert.equal(wrong.code, 2, wrong.out);
      assert.match(wrong.out + fs.readFileSync(json, "utf8"), /AccessDenied/);
      texts.push(wrong.out, mdRun.out, fs.readFileSync(json, "utf8"), fs.readFileSync(md, "utf8"));
      const bad = await gate(["check", "--role-arn", ROLE, "--external-id", BAD_ID], env);
      assert.equal(bad.code, 2);
      assert.match(bad.out, /--external-id must be/);
      const file = path.join(dir, "accounts.json");
      fs.writeFileSync(file, `{"accounts": [{"roleArn": "${ROLE}", "externalId": "${RIGHT_ID}"},]}`);
      const broken = await gate(["check", "--accounts", file], env);
      assert.equal(broken.code, 2);
      assert.match(broken.out, /not JSON/);
      fs.writeFileSync(file, JSON.stringify({ accounts: [{ roleArn: ROLE, externalId: BAD_ID }] }));
      const malformed = await gate(["check", "--accounts", file], env);
      assert.equal(malformed.code, 2);
      texts.push(bad.out, broken.out, malformed.out);
      searched(
        HYGIENE_CASES.externalIdGate,
        texts,
        `6 runs, 2 report files, ${texts.join("").length} characters`,
        started,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("policy pack: a wrong and a malformed externalId in the config", async () => {
    const started = Date.now();
    const messages: string[] = [];
    for (const externalId of [WRONG_ID, BAD_ID]) {
      const policy = createPolicies().find((p) => p.name === EXPIRY_POLICY)!;
      const run = await runPolicy(policy, {
        type: DISTRIBUTION_TYPE,
        name: "cdn",
        props: { name: "cdn", bundleId: "small_1_0", certificateName: "member-site" },
        config: { roleArn: ROLE, externalId },
      });
      assert.equal(run.violations.length, 1, run.violations.join("\n"));
      messages.push(...run.violations);
    }
    assert.match(messages[0], /AccessDenied/);
    assert.match(messages[1], /`externalId` must be/);
    searched(HYGIENE_CASES.externalIdPack, messages, `${messages.length} violations`, started);
  });

  describe("CertificateLookup under the real engine", () => {
    let ws: PulumiWorkspace;
    before(async function () {
      this.timeout(4 * 60_000);
      await assertPulumiCli();
      ws = await createPulumiWorkspace({
        programDir: path.join(REPO_ROOT, "tests/e2e/fixtures/role-lookup"),
        env: emulatorEnv(h.emulator),
        config: { "aws:region": "us-east-1", roleArn: ROLE },
        // Set as a secret, as a user keeps it; the program reads it with require(), a plain value.
        secretConfig: { externalId: RIGHT_ID },
      });
    });
    after(async () => {
      await ws?.destroy().catch(() => undefined);
      await ws?.cleanup();
    });

    it("the id is encrypted in state and shown nowhere; a wrong one fails naming the role only", async () => {
      const started = Date.now();
      const up = await ws.up([], { timeoutMs: 120_000 });
      const outputs = await ws.stackOutputs<{ memberArn: string }>();
      assert.equal(outputs.memberArn, MEMBER_ARN, "the role's account was read");
      const raw = (await ws.run(["stack", "export", "--stack", ws.stack])).stdout;
      const revealed = JSON.stringify(await ws.exportState());
      assert.ok(revealed.includes(RIGHT_ID), "control: --show-secrets finds the id in state");
      type Bag = Record<string, { ciphertext?: string } | undefined>;
      type StoredResource = { type: string; inputs: Bag; outputs: Bag };
      const lookup = (
        JSON.parse(raw) as { deployment: { resources: StoredResource[] } }
      ).deployment.resources.find((r) => r.type === "pulumi-nodejs:dynamic/lightsail:CertificateLookup")!;
      assert.ok(lookup.inputs.externalId?.ciphertext, "the input is encrypted");
      assert.ok(lookup.outputs.externalId?.ciphertext, "the output is encrypted");
      assert.deepEqual(lookup.outputs.assumeRole, { roleArn: ROLE }, "the role itself stays readable");
      await ws.setConfig("externalId", WRONG_ID, { secret: true });
      const failing = await ws.preview([], { expectFailure: true, timeoutMs: 120_000 });
      assert.match(
        failing.stdout + failing.stderr,
        /Could not assume role arn:aws:iam::111111111111:role\/LightsailRead: AccessDenied/,
      );
      const texts = [up.stdout, up.stderr, raw, failing.stdout, failing.stderr];
      searched(
        HYGIENE_CASES.externalIdLookup,
        texts,
        `up, failing preview, state export (${Math.round(raw.length / 1024)} KB)`,
        started,
      );
    });
  });
});
