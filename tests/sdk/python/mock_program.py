"""A program using the generated Python SDK (sdk/python, installed from its wheel) under the
Python SDK's own mocks (pulumi.runtime.set_mocks): the invoke of getCertificate reaches the engine
with the schema's token and camelCase arguments, and the typed result carries the certificate's
fields; a CertificateLookup registers the schema's resource type with its inputs and resolves its
outputs. Run by tests/sdk/python-sdk.test.ts with the wheel's venv; exits non-zero on a failed
check."""
import sys

import pulumi
import pulumi_lightsail_certificates as lsc

CALLS = []
RESOURCES = []
CERTIFICATE = {
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


class Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        RESOURCES.append((args.typ, args.name, dict(args.inputs)))
        return [args.name + "-id", {**args.inputs, **CERTIFICATE}]

    def call(self, args):
        CALLS.append((args.token, dict(args.args)))
        return CERTIFICATE


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

LOOKUP_CHECKED = []


def check_lookup(values):
    not_after, name = values
    LOOKUP_CHECKED.append(True)
    check("lookup not_after", not_after, "2027-09-01T00:00:00.000Z")
    check("lookup name", name, "example-com")
    check("resources", [(t, n) for t, n, _ in RESOURCES], [("lightsail-certificates:index:CertificateLookup", "site")])
    if RESOURCES:
        check("inputs sent", dict(RESOURCES[0][2]), {"domainName": "example.com", "minDaysValid": 30})


@pulumi.runtime.test
def lookup_outputs():
    lookup = lsc.CertificateLookup(
        "site", domain_name="example.com", min_days_valid=30
    )
    return pulumi.Output.all(lookup.not_after, lookup.name).apply(check_lookup)


lookup_outputs()
check("lookup outputs checked", LOOKUP_CHECKED, [True])

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"ok: {cert.name} {cert.not_after} {cert.days_until_expiry} lookup")
