/**
 * The external id of a role is a secret (issue 21): given to the functions (an aws.Provider's
 * `assumeRoles`), the gate (`--external-id`, an accounts file) or the policy pack (`externalId` in
 * its config), it never appears in an error message, a report or a log line. Each surface is made
 * to fail with a wrong id (STS AccessDenied) and with a malformed one, which STS repeats in its own
 * message (ValidationError: "Value '...' at 'externalId'"). CertificateLookup's case runs under the
 * engine, in tests/e2e/external-id.test.ts. Rows go to RELIABILITY.md.
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
import { EMULATOR_CREDENTIALS } from "../../emulator";
import { AssumeRoleError, getCertificate } from "../../index";
import { createPolicies, EXPIRY_POLICY } from "../../policy/src/policies";
import { DISTRIBUTION_TYPE } from "../../policy/src/references";
import { REPO_ROOT } from "../../tools/harness";
import { emulatorEnv } from "../../tools/lookup-program";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";
import {
  BAD_ID,
  HYGIENE_COLUMNS,
  memberAccountFixtures,
  NEEDLES,
  RIGHT_ID,
  ROLE,
  searched as searchedIn,
  WRONG_ID,
} from "../helpers/external-id-case";
import { findLeaks, RowRecorder } from "../helpers/hardening-report";
import { HYGIENE_CASES } from "../helpers/hardening-tables";
import { runPolicy } from "../helpers/policy-harness";

const rows = new RowRecorder("hygiene", "hygiene-external-id", HYGIENE_COLUMNS);

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
  const h = useEmulator({ fixtures: memberAccountFixtures() });
  useEmulatorEnvironment(() => h.emulator);
  after(() => rows.write());

  const searched = searchedIn.bind(undefined, rows);

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
});
