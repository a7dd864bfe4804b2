/**
 * The bad-input matrix (tests/helpers/hardening-inputs.ts) at every entry point: each bad input
 * gets an error naming the argument (flag, fixture path) before any request reaches the
 * emulator; each accepted one goes through and does reach it. Rows go to RELIABILITY.md.
 */
import { strict as assert } from "node:assert";
import { EMULATOR_CREDENTIALS, FixtureError, validateFixtureDocument } from "../../emulator";
import { runGate } from "../../gate/main";
import {
  getCertificate,
  getCertificates,
  getLoadBalancerTlsCertificate,
  InvalidArgumentError,
  LightsailCertificateError,
  resetLookupCache,
} from "../../index";
import { createLookupContext } from "../../lookup/context";
import * as provider from "../../provider/dynamic";
import { useEmulator } from "../helpers/emulator";
import {
  ACCEPTED,
  BAD_INPUT_CASES,
  ENTRY_POINTS,
  inputFixtures,
  type EntryPoint,
  type Probe,
} from "../helpers/hardening-inputs";
import { HYGIENE_CASES } from "../helpers/hardening-tables";
import { credentialNeedles, findLeaks, RowRecorder } from "../helpers/hardening-report";

/** What one probe did. */
interface Outcome {
  /** The argument an error named, or undefined when the input went through. */
  named?: string;
  /** The error (or gate stderr), for the failure message and the leak search. */
  text: string;
}

const rows = new RowRecorder("bad-inputs", "bad-inputs", [
  ...ENTRY_POINTS.map(([, label]) => label),
  "Requests",
]);
const hygiene = new RowRecorder("hygiene", "hygiene-bad-inputs", ["Searched", "What happened"]);

describe("hardening: bad inputs at every entry point", function () {
  this.timeout(60_000);
  const h = useEmulator(() => ({ fixtures: inputFixtures(), pageSize: 2 }));
  const saved = { ...process.env };
  const texts: string[] = [];
  let probes = 0;
  let url = "";

  before(() => {
    url = h.emulator.url;
    Object.assign(process.env, h.emulator.env(), {
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    });
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_DEFAULT_REGION;
  });
  after(() => {
    process.env = { ...saved };
    resetLookupCache();
    provider.setLookupContext(undefined);
    rows.write();
    const needles = credentialNeedles(EMULATOR_CREDENTIALS, url, { barePort: true });
    const started = Date.now();
    const leaks = texts.flatMap((t) => findLeaks(t, needles));
    hygiene.add(
      HYGIENE_CASES.badInputs,
      [
        `${texts.length} messages from ${probes} probes, ${Math.round(texts.join("").length / 1024)} KB`,
        leaks.length === 0 ? "no credential, endpoint or port" : `LEAKS: ${leaks.length}`,
      ],
      Date.now() - started,
    );
    hygiene.write();
    assert.deepEqual(leaks, [], "a bad-input message holds a credential or the endpoint");
  });

  /** Runs `fn` with `env` laid over process.env, restoring it after. */
  async function withEnv<T>(env: Record<string, string> | undefined, fn: () => Promise<T>): Promise<T> {
    const before = { ...process.env };
    Object.assign(process.env, env ?? {});
    try {
      return await fn();
    } finally {
      process.env = before;
    }
  }

  /** The argument a thrown error names, asserting it is the package's argument error. */
  function argumentOf(err: unknown, where: string): Outcome {
    if (err instanceof InvalidArgumentError) {
      assert.ok(
        err.message.includes(`\`${err.argument}\``),
        `${where}: the message names the argument: ${err.message}`,
      );
      return { named: err.argument, text: err.message };
    }
    assert.ok(err instanceof LightsailCertificateError, `${where}: threw ${String(err)}`);
    // A lookup-level answer (not found, ambiguous...) means the input itself went through.
    return { text: (err as Error).message };
  }

  async function run(entry: EntryPoint, probe: Probe): Promise<Outcome> {
    const where = `${entry}(${JSON.stringify(probe.input)})`;
    switch (entry) {
      case "getCertificate":
      case "getCertificates":
      case "getLoadBalancerTlsCertificate": {
        resetLookupCache();
        const fn = { getCertificate, getCertificates, getLoadBalancerTlsCertificate }[entry] as (
          a: unknown,
        ) => Promise<unknown>;
        try {
          const result = await withEnv(probe.env, () => fn(probe.input));
          return { text: JSON.stringify(result).slice(0, 200) };
        } catch (err) {
          return argumentOf(err, where);
        }
      }
      case "check": {
        provider.setLookupContext(
          createLookupContext({ connection: { configRegion: probe.env?.AWS_REGION ?? "us-east-1" } }),
        );
        try {
          const { inputs, failures } = await provider.check({}, { query: probe.input });
          if (!failures) return { text: `resolved ${String(inputs.name)}` };
          assert.deepEqual(inputs, { query: probe.input }, `${where}: a failed check records nothing`);
          // Property "": the lookup itself failed (e.g. nothing found), no argument was refused.
          if (failures.every((f) => f.property === "")) return { text: failures[0].reason };
          const hit = failures.find((f) => f.property === probe.names) ?? failures[0];
          assert.ok(hit.reason.length > 10, `${where}: the reason says what is wrong`);
          return { named: hit.property, text: failures.map((f) => `${f.property}: ${f.reason}`).join("\n") };
        } catch (err) {
          return argumentOf(err, where);
        }
      }
      case "gate": {
        let stdout = "";
        let stderr = "";
        const code = await runGate(probe.input as string[], {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          env: { AWS_REGION: "us-east-1", ...probe.env },
        });
        if (code !== 2) {
          assert.ok(code === 0 || code === 1, `${where}: exit ${code}`);
          return { text: stdout.slice(0, 200) };
        }
        assert.equal(stdout, "", `${where}: a usage error prints nothing on stdout`);
        assert.match(stderr, /^lightsail-certs: /, `${where}: ${stderr}`);
        assert.doesNotMatch(
          stderr,
          /TypeError|Cannot read properties|is not iterable/,
          `${where}: ${stderr}`,
        );
        return { named: stderr.includes(probe.names) ? probe.names : stderr.trim(), text: stderr };
      }
      case "fixtures": {
        try {
          validateFixtureDocument(probe.input);
        } catch (err) {
          assert.ok(err instanceof FixtureError, `${where}: threw ${String(err)}`);
          const hit = err.problems.find((p) => p.startsWith(`${probe.names}: `)) ?? err.problems[0];
          const served = JSON.stringify(await h.emulator.fixtures());
          await assert.rejects(h.emulator.setFixtures(probe.input as never), FixtureError);
          assert.equal(JSON.stringify(await h.emulator.fixtures()), served, `${where}: fixtures unchanged`);
          return { named: hit.slice(0, hit.indexOf(": ")), text: err.message };
        }
        return { text: "valid" };
      }
    }
  }

  for (const c of BAD_INPUT_CASES) {
    it(c.name, async () => {
      const cells: string[] = [];
      let requests = 0;
      const started = Date.now();
      for (const [entry] of ENTRY_POINTS) {
        const probe = c.probes[entry];
        if (!probe) {
          cells.push("—");
          continue;
        }
        h.emulator.resetCalls();
        const outcome = await run(entry, probe);
        const calls = h.emulator.calls().length;
        probes++;
        texts.push(outcome.text);
        if (probe.names === ACCEPTED) {
          assert.equal(outcome.named, undefined, `${entry}: accepted input was refused: ${outcome.text}`);
          if (entry !== "fixtures") assert.ok(calls > 0, `${entry}: an accepted input reaches the service`);
          cells.push(ACCEPTED);
        } else {
          assert.equal(outcome.named, probe.names, `${entry}: wrong or no argument named:\n${outcome.text}`);
          assert.equal(calls, 0, `${entry}: a bad input sent ${calls} request(s)`);
          cells.push(`\`${probe.names}\``);
        }
        requests += calls;
      }
      rows.add(c.name, [...cells, String(requests)], Date.now() - started);
    });
  }
});
