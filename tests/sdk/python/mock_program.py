"""A program using the generated Python SDK under the Python SDK's own mocks
(pulumi.runtime.set_mocks): the invoke of getCertificate reaches the engine with the schema's
token and camelCase arguments, and the typed result carries the certificate's fields.
Run by tests/sdk/python-sdk.test.ts with the SDK's venv; exits non-zero on a failed check."""
import sys

import pulumi
import pulumi_lightsail_certificates as lsc

CALLS = []


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        return [args.name + "-id", args.inputs]

    def call(self, args):
        CALLS.append((args.token, dict(args.args)))
        return {
            "arn": "arn:aws:lightsail:us-east-1:123456789012:Certificate/abc",
            "name": "example-com",
            "domainName": "example.com",
            "subjectAlternativeNames": ["example.com", "www.example.com"],
            "status": "ISSUED",
            "region": "us-east-1",
            "notAfter": "2027-09-01T00:00:00.000Z",
            "daysUntilExpiry": 42,
            "inUseResourceCount": 2,
            "domainValidationRecords": [],
            "tags": {"team": "web"},
        }


pulumi.runtime.set_mocks(Mocks(), preview=False)

cert = lsc.get_certificate(domain_name="example.com", min_days_valid=30)
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


check("type", type(cert).__name__, "AwaitableGetCertificateResult")
check("name", cert.name, "example-com")
check("region", cert.region, "us-east-1")
check("status", cert.status, "ISSUED")
check("not_after", cert.not_after, "2027-09-01T00:00:00.000Z")
check("days_until_expiry", cert.days_until_expiry, 42)
check("in_use_resource_count", cert.in_use_resource_count, 2)
check("subject_alternative_names", list(cert.subject_alternative_names), ["example.com", "www.example.com"])
check("tags", dict(cert.tags), {"team": "web"})
check("calls", [t for t, _ in CALLS], ["lightsail-certificates:index:getCertificate"])
if CALLS:
    check("domainName sent", CALLS[0][1].get("domainName"), "example.com")
    check("minDaysValid sent", CALLS[0][1].get("minDaysValid"), 30)

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"ok: {cert.name} {cert.not_after} {cert.days_until_expiry}")
