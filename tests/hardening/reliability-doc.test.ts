/**
 * RELIABILITY.md cannot drift from the hardening suites: each generated table lists exactly the
 * cases the suites define, in their order, and the IAM policy lists exactly the actions the
 * package calls.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { caseNamesInSection, RELIABILITY_MD, REPO_ROOT, tableSections } from "../helpers/hardening-report";
import { TABLES } from "../helpers/hardening-tables";

describe("RELIABILITY.md", () => {
  const doc = fs.readFileSync(RELIABILITY_MD, "utf8");
  const sections = tableSections(doc);

  it("has one generated section per table and no other", () => {
    assert.deepEqual(
      [...sections.keys()],
      TABLES.map((t) => t.name),
    );
  });

  for (const table of TABLES) {
    it(`"${table.title}" lists exactly the cases the suites define`, () => {
      const listed = caseNamesInSection(sections.get(table.name) ?? "");
      const missing = table.cases.filter((c) => !listed.includes(c));
      const extra = listed.filter((c) => !table.cases.includes(c));
      assert.deepEqual(
        { missing, extra },
        { missing: [], extra: [] },
        "run the hardening suites, then `npx ts-node --transpile-only tests/hardening/render-reliability.ts`",
      );
      assert.deepEqual(listed, [...table.cases], "same order as the suites");
    });
  }

  it("gives the read-only IAM policy with exactly the two actions the package calls", () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(doc.slice(doc.indexOf("## IAM policy")));
    assert.ok(block, "a JSON policy under ## IAM policy");
    const policy = JSON.parse(block[1]) as { Statement: Array<{ Effect: string; Action: string[] }> };
    const actions = policy.Statement.flatMap((s) => (s.Effect === "Allow" ? s.Action : [])).sort();
    assert.deepEqual(actions, ["lightsail:GetCertificates", "lightsail:GetLoadBalancerTlsCertificates"]);
    const dir = path.join(REPO_ROOT, "lightsail");
    const calls = fs
      .readdirSync(dir)
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
      .join("\n")
      .match(/\b(Get\w+)Command\b/g);
    assert.deepEqual(
      [...new Set(calls)].map((c) => `lightsail:${c.replace(/Command$/, "")}`).sort(),
      actions,
      "the policy covers every command the wire layer (lightsail/) sends, and no other",
    );
  });
});
