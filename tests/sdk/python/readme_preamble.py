"""Put before the README's Python program by tests/sdk/python-sdk.test.ts: the Python SDK's own
mocks, answering the invoke and the resource with a certificate, so the program runs without an
engine. The program's own lines follow; the test appends lines that wait for its `site` and print
what reached the mocks."""
import pulumi

REGISTERED = []


class _Mocks(pulumi.runtime.Mocks):
    def new_resource(self, args):
        REGISTERED.append(args.typ)
        return [args.name + "-id", {**args.inputs, "serialNumber": "0a1b"}]

    def call(self, args):
        REGISTERED.append(args.token)
        return {
            "arn": "arn:aws:lightsail:us-east-1:123456789012:Certificate/abc",
            "name": "example-com",
            "domainName": "example.com",
            "subjectAlternativeNames": ["example.com"],
            "status": "ISSUED",
            "region": "us-east-1",
            "notAfter": "2027-09-01T00:00:00.000Z",
            "inUseResourceCount": 0,
            "domainValidationRecords": [],
            "tags": {},
        }


pulumi.runtime.set_mocks(_Mocks(), preview=False)
