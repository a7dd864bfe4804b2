// The accounts of a gate run: the --accounts file's format and --role-arn, each mistake a usage
// error naming where it is.
import { strict as assert } from "node:assert";
import { loadAccounts, parseAccountsFile } from "../../gate/account-spec";
import { UsageError } from "../../gate/usage-error";
import { LIGHTSAIL_REGIONS } from "../../lightsail/regions";

const A = "arn:aws:iam::111111111111:role/LightsailAudit";
const B = "arn:aws:iam::222222222222:role/team/LightsailAudit";

function usage(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof UsageError, String(err));
    assert.match(err.message, message);
    return true;
  });
}

describe("gate accounts: --accounts FILE and --role-arn", () => {
  it('reads roles, external ids and regions (a list or "all"); the account comes from the ARN', () => {
    const specs = parseAccountsFile(
      JSON.stringify({
        accounts: [
          { roleArn: A, externalId: "ci-2f9b", regions: ["eu-west-1", "eu-west-1", "us-east-1"] },
          { roleArn: B, regions: "all" },
        ],
      }),
      "a.json",
    );
    assert.deepEqual(specs, [
      { accountId: "111111111111", roleArn: A, externalId: "ci-2f9b", regions: ["eu-west-1", "us-east-1"] },
      { accountId: "222222222222", roleArn: B, regions: [...LIGHTSAIL_REGIONS] },
    ]);
  });

  it("names each mistake with the file and the entry", () => {
    usage(() => parseAccountsFile("{", "a.json"), /^--accounts a\.json: not JSON/);
    usage(
      () => parseAccountsFile(`{"accounts": [{"externalId": "ext-topsecret-42"},]}`, "a.json"),
      /^--accounts a\.json: not JSON; the file.s text is not shown(?![\s\S]*topsecret)/,
    );
    usage(
      () => parseAccountsFile("[]", "a.json"),
      /expected \{"accounts": \[\{"roleArn": \.\.\.\}, \.\.\.\]\}/,
    );
    usage(() => parseAccountsFile('{"accounts": []}', "a.json"), /with at least one account/);
    usage(
      () => parseAccountsFile(JSON.stringify({ accounts: [{ roleArn: A, region: "x" }] }), "a.json"),
      /^--accounts a\.json: accounts\[0\]\.region: unknown key; expected roleArn, externalId, regions$/,
    );
    usage(
      () => parseAccountsFile(JSON.stringify({ accounts: [{ roleArn: "arn:aws:iam::1:user/x" }] }), "a.json"),
      /accounts\[0\]\.roleArn must be an IAM role ARN like arn:aws:iam::123456789012:role\/NAME/,
    );
    usage(
      () => parseAccountsFile(JSON.stringify({ accounts: [{ roleArn: A, externalId: "x" }] }), "a.json"),
      /accounts\[0\]\.externalId must be 2 to 1224 characters/,
    );
    usage(
      () =>
        parseAccountsFile(JSON.stringify({ accounts: [{ roleArn: A, regions: ["us-west-1"] }] }), "a.json"),
      /accounts\[0\]\.regions: /,
    );
    usage(
      () => parseAccountsFile(JSON.stringify({ accounts: [{ roleArn: A, regions: [] }] }), "a.json"),
      /non-empty list/,
    );
  });

  it("--role-arn after the file's accounts, with --external-id; a role given twice is refused", () => {
    const file = JSON.stringify({ accounts: [{ roleArn: A }] });
    assert.deepEqual(
      loadAccounts({ roleArns: [B], externalId: "ci-2f9b", accountsFile: "a.json" }, () => file).map((s) => [
        s.roleArn,
        s.externalId,
      ]),
      [
        [A, undefined],
        [B, "ci-2f9b"],
      ],
    );
    usage(() => loadAccounts({ roleArns: [A], accountsFile: "a.json" }, () => file), /is given twice/);
    assert.deepEqual(loadAccounts({ roleArns: [] }), []);
  });
});
