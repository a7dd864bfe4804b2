import { strict as assert } from "node:assert";
import { isIssued, judgeValidity } from "../../lookup/fit-for-use";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

describe("the rule of fit for use: ISSUED with at least N whole days left", () => {
  it("passes exactly at N days, fails at N-1 (days rounded down)", () => {
    assert.deepEqual(judgeValidity({ status: "ISSUED", notAfter: at(30) }, 30, NOW), {
      daysLeft: 30,
      issued: true,
      expiry: undefined,
      ok: true,
    });
    assert.deepEqual(judgeValidity({ status: "ISSUED", notAfter: at(29.99) }, 30, NOW), {
      daysLeft: 29,
      issued: true,
      expiry: "expiring",
      ok: false,
    });
  });

  it("tells expired (notAfter passed) from expiring, and a missing notAfter from both", () => {
    assert.equal(judgeValidity({ status: "ISSUED", notAfter: at(-0.5) }, 0, NOW).expiry, "expired");
    assert.equal(judgeValidity({ status: "ISSUED", notAfter: at(-0.5) }, 0, NOW).daysLeft, -1);
    assert.equal(judgeValidity({ status: "ISSUED", notAfter: at(0.5) }, 0, NOW).expiry, undefined);
    assert.equal(judgeValidity({ status: "ISSUED" }, 0, NOW).expiry, "no-expiry");
    assert.equal(judgeValidity({ status: "ISSUED", notAfter: "not a date" }, 0, NOW).expiry, "no-expiry");
  });

  it("judges the status and the days separately; only both together are fit", () => {
    const pending = judgeValidity({ status: "PENDING_VALIDATION", notAfter: at(300) }, 30, NOW);
    assert.deepEqual([pending.issued, pending.expiry, pending.ok], [false, undefined, false]);
    const expired = judgeValidity({ status: "EXPIRED", notAfter: at(-3) }, 30, NOW);
    assert.deepEqual([expired.issued, expired.expiry, expired.ok], [false, "expired", false]);
    assert.equal(isIssued({ status: "ISSUED" }), true);
    assert.equal(isIssued({ status: "issued" }), false);
  });
});
