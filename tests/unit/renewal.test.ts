import { strict as assert } from "node:assert";
import { normalizeCertificate } from "../../lightsail/normalize";
import type { DomainValidationRecord } from "../../lightsail/types";
import {
  DEFAULT_STUCK_RENEWAL_STATUSES,
  describeRecord,
  judgeRenewal,
  KNOWN_RENEWAL_STATUSES,
} from "../../lookup/renewal";

const record = (
  domainName: string,
  validationStatus?: string,
  name = `_${domainName.split(".")[0]}.${domainName}.`,
) =>
  ({
    domainName,
    resourceRecord: { name, type: "CNAME", value: `_v-${domainName}.acm-validations.aws.` },
    ...(validationStatus !== undefined ? { validationStatus } : {}),
  }) as DomainValidationRecord;

const wwwRecord = {
  domainName: "www.example.com",
  name: "_www.www.example.com.",
  type: "CNAME",
  value: "_v-www.example.com.acm-validations.aws.",
};

describe("the rule of renewal health: judgeRenewal", () => {
  it("the default stuck statuses are PendingValidation and Failed, of the four the API knows", () => {
    assert.deepEqual([...DEFAULT_STUCK_RENEWAL_STATUSES], ["PendingValidation", "Failed"]);
    assert.deepEqual(
      [...KNOWN_RENEWAL_STATUSES],
      ["PendingAutoRenewal", "PendingValidation", "Success", "Failed"],
    );
  });

  for (const status of ["PendingValidation", "Failed"])
    it(`${status} is stuck, with the reason and the records not yet validated`, () => {
      const j = judgeRenewal({
        renewalStatus: status,
        renewalStatusReason: "CAA error",
        renewalDomainValidationRecords: [
          record("www.example.com", "PENDING_VALIDATION"),
          record("example.com", "SUCCESS"),
        ],
      });
      assert.deepEqual(j, {
        stuck: true,
        cause: "status",
        status,
        reason: "CAA error",
        failedRecords: [],
        records: [{ ...wwwRecord, validationStatus: "PENDING_VALIDATION" }],
      });
    });

  for (const status of ["PendingAutoRenewal", "Success"])
    it(`${status} is healthy: not stuck, no records`, () => {
      const j = judgeRenewal({
        renewalStatus: status,
        renewalDomainValidationRecords: [record("www.example.com", "PENDING_VALIDATION")],
      });
      assert.deepEqual(j, {
        stuck: false,
        cause: null,
        status,
        reason: null,
        failedRecords: [],
        records: [],
      });
    });

  it("no renewal at all is healthy", () => {
    assert.deepEqual(judgeRenewal({}), {
      stuck: false,
      cause: null,
      status: null,
      reason: null,
      failedRecords: [],
      records: [],
    });
  });

  it("a FAILED renewal validation record makes it stuck whatever the status", () => {
    const j = judgeRenewal({
      renewalStatus: "PendingAutoRenewal",
      renewalDomainValidationRecords: [record("www.example.com", "FAILED"), record("example.com", "SUCCESS")],
    });
    assert.equal(j.stuck, true);
    assert.equal(j.cause, "failed-records");
    assert.deepEqual(j.failedRecords, [{ ...wwwRecord, validationStatus: "FAILED" }]);
    assert.deepEqual(j.records, [{ ...wwwRecord, validationStatus: "FAILED" }]);
    assert.equal(
      judgeRenewal({
        renewalStatus: "Failed",
        renewalDomainValidationRecords: [record("www.example.com", "FAILED")],
      }).cause,
      "status-and-failed-records",
    );
  });

  it("a FAILED record of the original validation (not the renewal's) does not count", () => {
    const j = judgeRenewal({
      renewalStatus: "PendingAutoRenewal",
      domainValidationRecords: [record("www.example.com", "FAILED")],
    });
    assert.equal(j.stuck, false);
  });

  it("unknown future statuses are not stuck unless listed; statuses compare exactly", () => {
    assert.equal(judgeRenewal({ renewalStatus: "PendingRevalidation" }).stuck, false);
    assert.equal(judgeRenewal({ renewalStatus: "PendingRevalidation" }, ["PendingRevalidation"]).stuck, true);
    assert.equal(judgeRenewal({ renewalStatus: "Pending_Validation" }).stuck, false);
    assert.equal(judgeRenewal({ renewalStatus: "failed" }).stuck, false);
  });

  it("load-balancer certificates' UPPER_CASE spellings are the same statuses", () => {
    assert.equal(judgeRenewal({ renewalStatus: "PENDING_VALIDATION" }).stuck, true);
    assert.equal(judgeRenewal({ renewalStatus: "FAILED" }).stuck, true);
    assert.equal(judgeRenewal({ renewalStatus: "PENDING_AUTO_RENEWAL" }).stuck, false);
    assert.equal(judgeRenewal({ renewalStatus: "FAILED" }).status, "FAILED");
  });

  it("the stuck statuses are configurable: Failed only lets PendingValidation pass", () => {
    assert.equal(judgeRenewal({ renewalStatus: "PendingValidation" }, ["Failed"]).stuck, false);
    assert.equal(judgeRenewal({ renewalStatus: "Failed" }, ["Failed"]).stuck, true);
    assert.equal(judgeRenewal({ renewalStatus: "Failed" }, []).stuck, false);
  });

  it("without renewal records, the records are the certificate's own (those not validated, else all)", () => {
    const own = [record("www.example.com", "SUCCESS"), record("example.com", "SUCCESS")];
    assert.deepEqual(
      judgeRenewal({ renewalStatus: "PendingValidation", domainValidationRecords: own }).records.map(
        (r) => r.name,
      ),
      ["_www.www.example.com.", "_example.example.com."],
    );
    assert.deepEqual(
      judgeRenewal({
        renewalStatus: "PendingValidation",
        domainValidationRecords: [
          record("www.example.com", "SUCCESS"),
          record("example.com", "PENDING_VALIDATION"),
        ],
      }).records.map((r) => r.name),
      ["_example.example.com."],
    );
  });

  it("records without a DNS record are skipped, duplicates shown once", () => {
    const j = judgeRenewal({
      renewalStatus: "Failed",
      renewalDomainValidationRecords: [
        { domainName: "a.example.com", validationStatus: "FAILED" },
        record("www.example.com", "FAILED"),
        record("www.example.com", "FAILED"),
      ],
    });
    assert.deepEqual(j.records.map(describeRecord), [
      "CNAME _www.www.example.com. -> _v-www.example.com.acm-validations.aws.",
    ]);
  });

  it("normalisation keeps the renewal's validation records on the Certificate", () => {
    const cert = normalizeCertificate(
      {
        certificateName: "www-cert",
        certificateDetail: {
          name: "www-cert",
          renewalSummary: {
            renewalStatus: "PendingValidation",
            renewalStatusReason: "DNS record not found",
            domainValidationRecords: [record("www.example.com", "FAILED")] as never,
          },
        },
      },
      "us-east-1",
      new Date("2026-06-01T00:00:00Z"),
    );
    assert.deepEqual(cert?.renewalDomainValidationRecords, [record("www.example.com", "FAILED")]);
    const none = normalizeCertificate(
      { certificateName: "x", certificateDetail: { name: "x" } },
      "us-east-1",
      new Date("2026-06-01T00:00:00Z"),
    );
    assert.equal(none?.renewalDomainValidationRecords, undefined);
  });
});
