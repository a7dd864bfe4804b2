/**
 * The fault matrix (tests/helpers/hardening-faults.ts) against the emulator: each fault ends with
 * the right answer or a clear error of the expected class, in bounded time, and no error message,
 * stack, gate output or debug line holds a credential or the endpoint. Rows go to RELIABILITY.md.
 */
import { strict as assert } from "node:assert";
import * as net from "node:net";
import { inspect } from "node:util";
import { EMULATOR_CREDENTIALS, makeCertificate, makeLoadBalancerTlsCertificate } from "../../emulator";
import { runGate } from "../../gate/main";
import { createLookupContext, type LookupContext } from "../../lookup/context";
import * as provider from "../../provider/dynamic";
import { LightsailCertificateError } from "../../lightsail/errors";
import { findLoadBalancerCertificate } from "../../lookup/load-balancer";
import { findCertificate, listCertificates } from "../../lookup/lookup";
import { useEmulator } from "../helpers/emulator";
import {
  FAULT_CASES,
  FAULT_CERTIFICATES,
  FAULT_PAGE_SIZE,
  type FaultCase,
} from "../helpers/hardening-faults";
import { HYGIENE_CASES } from "../helpers/hardening-tables";
import { credentialNeedles, findLeaks, RowRecorder, type Needle } from "../helpers/hardening-report";

/** Hang guard only: every case must end well within this. */
const BOUND_MS = 30_000;
const WRONG_SECRET = "hardening-wrong-secret-key-0000000000000";
const UNKNOWN_KEY = "AKIAHARDENINGUNKNOWN";

const rows = new RowRecorder("faults", "faults", ["Fault", "Entry point", "What happened", "Requests"]);
const hygiene = new RowRecorder("hygiene", "hygiene-faults", ["Searched", "What happened"]);

function fixtures() {
  return {
    certificates: Array.from({ length: FAULT_CERTIFICATES }, (_, i) =>
      makeCertificate({ name: `c${i}`, domainName: `d${i}.example.com`, notAfter: "2035-01-01T00:00:00Z" }),
    ),
    loadBalancerTlsCertificates: [
      makeLoadBalancerTlsCertificate({
        loadBalancerName: "lb",
        name: "lb-cert",
        domainName: "example.com",
        notAfter: "2035-01-01T00:00:00Z",
      }),
    ],
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every text an error shows: message, stack, inspection, enumerable fields. */
function errorTexts(err: unknown): string[] {
  const e = err as Error;
  return [
    String(err),
    e?.message ?? "",
    e?.stack ?? "",
    inspect(err, { depth: 5 }),
    JSON.stringify(err) ?? "",
  ];
}

function faultLabel(c: FaultCase): string {
  const parts = (c.faults ?? []).map((f) => {
    const which = f.calls
      ? ` calls ${f.calls.join(",")}`
      : f.count !== undefined
        ? ` ×${f.count}`
        : " always";
    return `${f.kind}${f.status ? ` ${f.status}` : ""}${which}`;
  });
  if (c.endpoint === "closed-port") parts.push("closed port");
  if (c.credentials && c.credentials !== "test") parts.push(c.credentials);
  return parts.join("; ") || "none";
}

describe("hardening: fault matrix against the emulator", function () {
  this.timeout(60_000);
  const h = useEmulator(() => ({ fixtures: fixtures(), pageSize: FAULT_PAGE_SIZE }));
  const saved = { ...process.env };
  const texts: string[] = [];
  let needles: Needle[] = [];
  let refusedUrl = "";

  before(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    });
    for (const key of ["AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_LIGHTSAIL"])
      delete process.env[key];
    refusedUrl = `http://127.0.0.1:${await closedPort()}`;
    needles = [
      ...credentialNeedles(EMULATOR_CREDENTIALS, h.emulator.url, { barePort: true }),
      ...credentialNeedles({ accessKeyId: UNKNOWN_KEY, secretAccessKey: WRONG_SECRET }, refusedUrl, {
        barePort: true,
      }),
    ];
  });
  afterEach(() => {
    process.env.AWS_ACCESS_KEY_ID = EMULATOR_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = EMULATOR_CREDENTIALS.secretAccessKey;
    provider.setLookupContext(undefined);
  });
  after(() => {
    process.env = { ...saved };
    rows.write();
    const started = Date.now();
    const leaks = texts.flatMap((t) => findLeaks(t, needles));
    hygiene.add(
      HYGIENE_CASES.faults,
      [
        `${texts.length} texts from ${FAULT_CASES.length} cases, ${Math.round(texts.join("").length / 1024)} KB`,
        leaks.length === 0 ? "no credential, endpoint or port" : `LEAKS: ${leaks.length}`,
      ],
      Date.now() - started,
    );
    hygiene.write();
    assert.deepEqual(leaks, [], "a fault-matrix message holds a credential or the endpoint");
  });

  /** Runs the case's entry point; resolves to a description of the answer, or rejects. */
  async function run(c: FaultCase, ctx: LookupContext, log: string[]): Promise<string> {
    const entry = c.entry ?? "getCertificate";
    switch (entry) {
      case "getCertificate": {
        const n = c.concurrent ?? 1;
        const found = await Promise.all(
          Array.from({ length: n }, (_, i) =>
            findCertificate(ctx, { domainName: `d${(i + 7) % FAULT_CERTIFICATES}.example.com` }),
          ),
        );
        found.forEach((cert, i) => assert.equal(cert.name, `c${(i + 7) % FAULT_CERTIFICATES}`));
        return n === 1 ? `right answer (${found[0].name})` : `${n} right answers from one shared scan`;
      }
      case "getCertificates": {
        const { certificates } = await listCertificates(ctx, {});
        const names = Array.from({ length: FAULT_CERTIFICATES }, (_, i) => `c${i}`).sort();
        assert.deepEqual(
          certificates.map((x) => x.name),
          names,
        );
        return `all ${certificates.length} certificates, each once`;
      }
      case "getLoadBalancerTlsCertificate": {
        const cert = await findLoadBalancerCertificate(ctx, { loadBalancerName: "lb" });
        assert.equal(cert.name, "lb-cert");
        return `right answer (${cert.name})`;
      }
      case "check": {
        provider.setLookupContext(ctx);
        const { inputs, failures } = await provider.check({}, { query: { domainName: "d7.example.com" } });
        // A failed lookup is one check failure (property "") carrying the lookup's message.
        if (failures !== undefined) {
          assert.deepEqual(
            failures.map((f) => f.property),
            [""],
          );
          throw Object.assign(new Error(failures[0].reason), { name: "CheckFailure" });
        }
        assert.equal(inputs.name, "c7");
        return "resolved c7 into the checked inputs";
      }
      case "gate": {
        let stdout = "";
        let stderr = "";
        const code = await runGate(["check", "--region", "us-east-1"], {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          env: {},
          context: ctx,
        });
        log.push(stdout, stderr);
        if (code === 2) throw Object.assign(new Error(stderr.trim()), { name: "exit 2" });
        assert.equal(code, 0, stdout + stderr);
        return "exit 0";
      }
    }
  }

  for (const c of FAULT_CASES) {
    it(c.name, async () => {
      for (const rule of c.faults ?? []) h.emulator.addFault(rule);
      if (c.credentials === "wrong-secret") process.env.AWS_SECRET_ACCESS_KEY = WRONG_SECRET;
      if (c.credentials === "unknown-key") process.env.AWS_ACCESS_KEY_ID = UNKNOWN_KEY;
      const log: string[] = [];
      const ctx = createLookupContext({
        connection: { configRegion: "us-east-1" },
        clientOptions: {
          endpoint: c.endpoint === "closed-port" ? refusedUrl : h.emulator.url,
          requestTimeoutMs: 5_000,
          ...c.clientOptions,
        },
        maxPages: c.maxPages,
        debug: (line) => log.push(line),
      });
      const started = Date.now();
      let answer: string | undefined;
      let error: unknown;
      try {
        answer = await run(c, ctx, log);
      } catch (err) {
        error = err;
      }
      const ms = Date.now() - started;
      const calls = h.emulator.calls();
      texts.push(...log, ...(error === undefined ? [] : errorTexts(error)));

      let what: string;
      if ("answer" in c.expect) {
        if (error !== undefined) assert.fail(`expected the right answer, got ${inspect(error)}`);
        what = answer!;
        // Every page the service answered was asked for once: retries repeat only failed calls.
        if (c.entry !== "getLoadBalancerTlsCertificate") {
          const served = calls
            .filter((x) => x.status === 200 && !x.fault)
            .map((x) => JSON.stringify(x.request));
          assert.equal(new Set(served).size, served.length, "a page was read twice");
        }
      } else {
        assert.ok(error !== undefined, `expected ${c.expect.error}, got the answer ${answer}`);
        const e = error as Error & { code?: string };
        assert.equal(e.name, c.expect.error, inspect(error));
        if (c.entry !== "gate" && c.entry !== "check")
          assert.ok(error instanceof LightsailCertificateError, inspect(error));
        if (c.expect.code !== undefined) {
          const codes = Array.isArray(c.expect.code) ? c.expect.code : [c.expect.code];
          assert.ok(codes.includes(e.code ?? ""), `code ${e.code}, want ${codes.join(" or ")}`);
        }
        for (const part of c.expect.message) assert.match(e.message, part);
        assert.doesNotMatch(e.message, /TypeError|\$response|Deserialization error/);
        const first = e.message.split("\n")[0];
        what = `${c.entry === "gate" ? "" : `${e.name}${e.code ? ` ${e.code}` : ""}: `}${first.length > 140 ? `${first.slice(0, 137)}...` : first}`;
      }
      if (c.requests !== undefined) assert.equal(calls.length, c.requests, `requests: ${calls.length}`);
      assert.ok(ms < BOUND_MS, `took ${ms} ms`);
      rows.add(
        c.name,
        [
          faultLabel(c),
          `${c.entry ?? "getCertificate"}${c.concurrent ? ` ×${c.concurrent}` : ""}`,
          what,
          String(calls.length),
        ],
        ms,
      );
    });
  }
});
