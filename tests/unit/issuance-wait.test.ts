import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { CertificateValidationError } from "../../lightsail/errors";
import type { Certificate } from "../../lightsail/types";
import {
  backoffDelay,
  describeTimeoutProblem,
  pendingRecords,
  pollTimes,
  VALIDATION_BACKOFF,
  waitForIssued,
} from "../../lookup/issuance-wait";

function cert(status: string, validated: string[] = [], extra: Partial<Certificate> = {}): Certificate {
  const domains = ["example.com", "www.example.com"];
  return {
    arn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/x",
    name: "site",
    domainName: "example.com",
    subjectAlternativeNames: domains,
    status,
    region: "us-east-1",
    inUseResourceCount: 0,
    tags: {},
    domainValidationRecords: domains.map((d) => ({
      domainName: d,
      resourceRecord: { name: `_n.${d}.`, type: "CNAME", value: `_v.${d}.acm-validations.aws.` },
      validationStatus: validated.includes(d) || status === "ISSUED" ? "SUCCESS" : "PENDING_VALIDATION",
    })),
    ...extra,
  };
}

/** A fake clock and sleep; `answers` are returned poll after poll (the last one repeats). */
function fakeIo(answers: Array<Certificate | undefined>) {
  let t = 0;
  const polls: number[] = [];
  const sleeps: number[] = [];
  const lines: string[] = [];
  return {
    polls,
    sleeps,
    lines,
    io: {
      read: async () => {
        polls.push(t);
        return answers[Math.min(polls.length - 1, answers.length - 1)];
      },
      now: () => t,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
      },
      progress: (line: string) => lines.push(line),
    },
  };
}

const opts = { name: "site", region: "us-east-1", timeoutMinutes: 45 };

async function rejected(p: Promise<unknown>): Promise<CertificateValidationError> {
  const err = await p.then(
    () => assert.fail("the wait succeeded"),
    (e: unknown) => e,
  );
  assert.ok(CertificateValidationError.isInstance(err), String(err));
  return err as CertificateValidationError;
}

describe("validation wait (pure, fake clock)", () => {
  it("the backoff doubles from 2 s and is capped at 30 s", () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(VALIDATION_BACKOFF, n)),
      [2000, 4000, 8000, 16000, 30000, 30000, 30000],
    );
    // A 2-minute wait polls at 0, 2, 6, 14, 30, 60, 90 s and at the deadline: 8 requests.
    assert.deepEqual(
      pollTimes(VALIDATION_BACKOFF, 120_000),
      [0, 2000, 6000, 14000, 30000, 60000, 90000, 120000],
    );
  });

  it("returns the certificate once ISSUED, polling on the schedule, with progress lines", async () => {
    const f = fakeIo([
      cert("PENDING_VALIDATION"),
      cert("PENDING_VALIDATION", ["example.com"]),
      cert("ISSUED"),
    ]);
    const got = await waitForIssued(opts, f.io);
    assert.equal(got.status, "ISSUED");
    assert.deepEqual(f.polls, [0, 2000, 6000]);
    assert.equal(f.lines.length, 2);
    assert.match(
      f.lines[0]!,
      /^CertificateValidation site \(us-east-1\): PENDING_VALIDATION, 0s waited; pending: example\.com: CNAME _n\.example\.com\. -> _v\.example\.com\.acm-validations\.aws\.; www\.example\.com/,
    );
    assert.doesNotMatch(f.lines[1]!, /pending: example\.com/);
  });

  for (const [status, extra, reason] of [
    ["FAILED", { requestFailureReason: "CAA_ERROR" }, /FAILED \(requestFailureReason CAA_ERROR\)/],
    ["VALIDATION_TIMED_OUT", {}, /VALIDATION_TIMED_OUT \(no reason given\)/],
    ["REVOKED", { revocationReason: "KEY_COMPROMISE" }, /REVOKED \(revoked: KEY_COMPROMISE\)/],
    ["EXPIRED", { notAfter: "2026-01-01T00:00:00.000Z" }, /EXPIRED \(expired on 2026-01-01T00:00:00\.000Z\)/],
    ["INACTIVE", {}, /INACTIVE \(inactive: no longer usable\)/],
  ] as const) {
    it(`fails at once on ${status}, with the reason`, async () => {
      const f = fakeIo([cert("PENDING_VALIDATION"), cert(status, [], extra)]);
      const err = await rejected(waitForIssued(opts, f.io));
      assert.match(err.message, reason);
      assert.match(err.message, /^Certificate "site" \(us-east-1\)/);
      assert.equal(err.timedOut, false);
      assert.equal(err.status, status);
      assert.equal(f.polls.length, 2);
    });
  }

  it("times out naming every pending domain with the exact record, after the last poll at the deadline", async () => {
    const f = fakeIo([cert("PENDING_VALIDATION", ["example.com"])]);
    const err = await rejected(waitForIssued({ ...opts, timeoutMinutes: 2 }, f.io));
    assert.equal(err.timedOut, true);
    assert.deepEqual(f.polls, pollTimes(VALIDATION_BACKOFF, 120_000));
    assert.deepEqual(err.pending, [
      {
        domainName: "www.example.com",
        record: {
          name: "_n.www.example.com.",
          type: "CNAME",
          value: "_v.www.example.com.acm-validations.aws.",
        },
      },
    ]);
    assert.match(
      err.message,
      /still PENDING_VALIDATION after 2 minute\(s\) \(8 request\(s\)\)\. Create these DNS records.*: www\.example\.com: CNAME _n\.www\.example\.com\. -> _v\.www\.example\.com\.acm-validations\.aws\.$/,
    );
    assert.doesNotMatch(err.message, / example\.com: CNAME/);
  });

  it("keeps waiting while the certificate is not found yet, and says so on timeout", async () => {
    const f = fakeIo([undefined]);
    const err = await rejected(waitForIssued({ ...opts, timeoutMinutes: 0.5 }, f.io));
    assert.match(
      err.message,
      /Certificate "site" was not found in us-east-1 after 0\.5 minute\(s\) \(5 request\(s\)\)/,
    );
    assert.equal(err.status, undefined);
    assert.equal(f.polls.at(-1), 30_000);
  });

  it("pendingRecords says when Lightsail gave no record yet", () => {
    const c = cert("PENDING_VALIDATION");
    c.domainValidationRecords[1] = { domainName: "www.example.com", validationStatus: "PENDING_VALIDATION" };
    assert.deepEqual(pendingRecords(c)[1], { domainName: "www.example.com" });
  });

  it("timeoutMinutes is a number from 0.1 to 1440", () => {
    for (const ok of [0.1, 1, 45, 1440]) assert.equal(describeTimeoutProblem(ok), undefined);
    for (const bad of [0, 0.05, 1441, -1, Number.NaN, "45", null])
      assert.match(describeTimeoutProblem(bad)!, /must be a number of minutes from 0\.1 to 1440/);
  });
});

describe("bench/validation-polling.md", () => {
  it("its table is what the schedule gives", () => {
    const note = fs.readFileSync(path.join(__dirname, "../../bench/validation-polling.md"), "utf8");
    const table = /<!-- validation-polling:table -->\n([\s\S]*?)<!-- \/validation-polling:table -->/.exec(
      note,
    )![1]!;
    const rows = table
      .split("\n")
      .slice(2)
      .filter((l) => l.startsWith("|"))
      .map((l) => l.split("|").map((c) => c.trim()));
    assert.equal(rows.length, 6);
    for (const [, wait, requests, perMinute] of rows) {
      const minutes = Number.parseFloat(wait!);
      const count = pollTimes(VALIDATION_BACKOFF, minutes * 60_000).length;
      assert.equal(Number(requests), count, `row ${wait}`);
      assert.equal(perMinute, (count / minutes).toFixed(2), `row ${wait}`);
    }
  });
});
