/**
 * The lightsail-certificates policy pack under the real Pulumi CLI: it blocks `preview` and
 * `up` of a stack whose CertificateLookup resolves to an expiring or non-ISSUED certificate,
 * and lets a healthy one through. Program: examples/lookup-only; pack: the one the installed
 * package ships, by the path the README gives (`node_modules/pulumi-lightsail-certificates/policy`
 * from the project directory), run by the language host from there.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { makeCertificate, type CertificateFixture, type RunningEmulator } from "../../emulator";
import { INSTALLED_POLICY_PACK as PACK, PulumiWorkspace, REPO_ROOT } from "../../tools/harness";
import { apiCertificate, siteCertificate, useLookupStack } from "../../tools/lookup-program";

const DAY = 86_400_000;

function fixtures(site: Partial<CertificateFixture>): { certificates: CertificateFixture[] } {
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  return {
    certificates: [
      siteCertificate({ notBefore: "2026-01-01T00:00:00Z", notAfter: inDays(400), ...site }),
      { ...apiCertificate, notAfter: inDays(300) },
    ],
  };
}

/** The package's version, which the shipped pack's package.json carries too. */
const PACKAGE_VERSION = (
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
).version;

describe("policy pack under the real Pulumi engine", function () {
  this.timeout(5 * 60_000);
  const stack = useLookupStack(() => fixtures({}));
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  before(() => {
    ({ emulator, ws } = stack);
  });

  it("runs the pack of the package under test (by default the installed tarball, not this checkout)", () => {
    const pack = fs.realpathSync(path.join(ws.dir, PACK));
    assert.ok(ws.package, "the workspace is a copy linked to the package under test");
    assert.equal(pack, fs.realpathSync(path.join(ws.package.packageDir, "policy")));
    if (ws.package.source === "installed") {
      assert.ok(!pack.startsWith(REPO_ROOT + path.sep), `${pack} is inside the checkout`);
      assert.ok(fs.existsSync(path.join(pack, "PulumiPolicy.yaml")), "PulumiPolicy.yaml is shipped");
      assert.deepEqual(
        fs.readdirSync(pack).filter((f) => f.endsWith(".ts")),
        [],
        "the shipped pack is JavaScript: nothing for ts-node to compile and type-check at every run",
      );
    }
  });

  it("lets a stack with healthy certificates through preview and up", async () => {
    const preview = await ws.preview(["--policy-pack", PACK]);
    // The pack reports itself under the package's own version.
    assert.ok(preview.stdout.includes(`lightsail-certificates@v${PACKAGE_VERSION}`), preview.stdout);
    assert.match(preview.stdout, /local: node_modules\/pulumi-lightsail-certificates\/policy/);
    assert.doesNotMatch(preview.stdout, /\[mandatory\]/);
    await ws.up(["--policy-pack", PACK]);
  });

  it("the policy pack flags a stack whose certificate's renewal is stuck", async () => {
    await emulator.setFixtures(
      fixtures({
        renewalSummary: {
          renewalStatus: "PendingValidation",
          renewalStatusReason: "The DNS records could not be found",
          domainValidationRecords: [
            {
              domainName: "www.example.com",
              validationStatus: "FAILED",
              resourceRecord: {
                name: "_a1.www.example.com.",
                type: "CNAME",
                value: "_b1.acm-validations.aws.",
              },
            },
          ],
        },
      }),
    );
    // Advisory by default: the preview succeeds and prints the violation.
    const r = await ws.preview(["--policy-pack", PACK]);
    assert.match(r.stdout, /\[advisory\].*lightsail-certificate-renewal.*CertificateLookup: site/);
    assert.match(r.stdout, /The renewal of Certificate "example-com"/);
    assert.match(r.stdout, /renewalStatus PendingValidation/);
    assert.match(r.stdout, /The DNS records could not be found/);
    assert.match(r.stdout, /CNAME _a1\.www\.example\.com\. with value _b1\.acm-validations\.aws\./);
    assert.doesNotMatch(r.stdout, /\[mandatory\]/);
    // The pack config makes it mandatory: the same preview is blocked.
    const config = path.join(ws.dir, "renewal-config.json");
    fs.writeFileSync(config, JSON.stringify({ "lightsail-certificate-renewal": "mandatory" }));
    const blocked = await ws.preview(["--policy-pack", PACK, "--policy-pack-config", config], {
      expectFailure: true,
    });
    assert.match(blocked.stdout, /\[mandatory\].*lightsail-certificate-renewal/);
    await emulator.setFixtures(fixtures({}));
  });

  it("blocks preview for a certificate expiring within minDaysValid, naming it, its notAfter, the days and the threshold", async () => {
    const notAfter = new Date(Date.now() + 10.5 * DAY);
    await emulator.setFixtures(fixtures({ serialNumber: "0b:02", notAfter: notAfter.toISOString() }));
    const r = await ws.preview(["--policy-pack", PACK], { expectFailure: true });
    assert.match(r.stdout, /\[mandatory\].*lightsail-certificate-expiry/);
    assert.match(r.stdout, /Certificate "example-com"/);
    assert.match(
      r.stdout,
      new RegExp(
        notAfter
          .toISOString()
          .replace(/\.\d+Z$/, "")
          .replace(/[.]/g, "\\."),
      ),
    );
    assert.match(r.stdout, /10 day\(s\) left/);
    assert.match(r.stdout, /30/);
  });

  it("blocks up too, and changes nothing in the stack", async () => {
    const before = await ws.exportState();
    await ws.up(["--policy-pack", PACK], { expectFailure: true });
    const after = await ws.exportState();
    const serial = (s: typeof before) =>
      s.deployment.resources?.find((r) => r.urn.endsWith("::site"))?.outputs?.serialNumber;
    assert.equal(serial(after), serial(before));
  });

  it("a lower threshold in the pack config lets it through", async () => {
    const config = path.join(ws.dir, "policy-config.json");
    fs.writeFileSync(config, JSON.stringify({ "lightsail-certificate-expiry": { minDaysValid: 7 } }));
    const r = await ws.preview(["--policy-pack", PACK, "--policy-pack-config", config]);
    assert.doesNotMatch(r.stdout, /\[mandatory\]/);
  });

  it("blocks a certificate that is not ISSUED", async () => {
    await emulator.setFixtures({
      certificates: [
        ...fixtures({}).certificates,
        makeCertificate({
          name: "pending-cert",
          domainName: "pending.example.com",
          status: "PENDING_VALIDATION",
        }),
      ],
    });
    await ws.setConfig("apiCertificateName", "pending-cert");
    await ws.setConfig("apiStatuses", JSON.stringify(["ISSUED", "PENDING_VALIDATION"]));
    const r = await ws.preview(["--policy-pack", PACK], { expectFailure: true });
    assert.match(r.stdout, /\[mandatory\].*lightsail-certificate-issued/);
    assert.match(r.stdout, /pending-cert/);
    assert.match(r.stdout, /PENDING_VALIDATION/);
  });
});
