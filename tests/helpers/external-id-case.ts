/**
 * The case the external-id hygiene suites share (tests/hardening/external-id.test.ts for the
 * functions, the gate and the pack; tests/e2e/external-id.test.ts for CertificateLookup under the
 * engine): one role in one emulated account, the right, a wrong and a malformed external id, and
 * the search that records a RELIABILITY.md row and fails on any leak.
 */
import { strict as assert } from "node:assert";
import { makeCertificate, type FixtureDocument } from "../../emulator";
import { findLeaks, type Needle, type RowRecorder } from "./hardening-report";

export const ROLE = "arn:aws:iam::111111111111:role/LightsailRead";
export const MEMBER_ARN = "arn:aws:lightsail:us-east-1:111111111111:Certificate/member-site";
export const RIGHT_ID = "ext-right-5b2c91d7";
export const WRONG_ID = "ext-wrong-8e4f02a6";
/** Malformed for STS (a space and a '!'), so that STS quotes it back. */
export const BAD_ID = "ext bad!93c1";
export const NEEDLES: Needle[] = [
  { label: "the right external id", value: RIGHT_ID },
  { label: "a wrong external id", value: WRONG_ID },
  { label: "a malformed external id", value: BAD_ID },
  { label: "part of a malformed external id", value: "bad!93c1" },
];

/** One member account whose role needs {@link RIGHT_ID}, holding one certificate. */
export function memberAccountFixtures(): FixtureDocument {
  return {
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
  };
}

/** The column headers of the rows {@link searched} records. */
export const HYGIENE_COLUMNS = ["Searched", "What happened"];

/** Asserts that no text holds an external id and records the row in `rows`. */
export function searched(
  rows: RowRecorder,
  caseName: string,
  texts: string[],
  what: string,
  started: number,
): void {
  const leaks = findLeaks(texts.join("\n"), NEEDLES);
  rows.add(
    caseName,
    [what, leaks.length === 0 ? "no external id" : `LEAKS: ${leaks.length}`],
    Date.now() - started,
  );
  assert.deepEqual(leaks, [], `${caseName} holds an external id`);
}
