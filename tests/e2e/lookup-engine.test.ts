/**
 * CertificateLookup and the lookup functions under the real Pulumi engine, against the local
 * Lightsail emulator: the program is examples/lookup-only.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { changedInputs, PreviewJson, PulumiWorkspace } from "../../tools/harness";
import {
  apiCertificate,
  LOOKUP_TYPE,
  otherCertificate,
  siteCertificate,
  useLookupStack,
} from "../../tools/lookup-program";

const site = siteCertificate;
const api = apiCertificate;
const other = otherCertificate;

function lookupStep(preview: PreviewJson, name: string) {
  const step = preview.steps.find(
    (s) => (s.newState ?? s.oldState)?.type === LOOKUP_TYPE && s.urn.endsWith(`::${name}`),
  );
  assert.ok(
    step,
    `no CertificateLookup ${name} in ${preview.steps.map((s) => s.urn).join(", ")}; diagnostics: ${JSON.stringify(preview.diagnostics)}`,
  );
  return step;
}

describe("CertificateLookup under the real Pulumi engine", function () {
  this.timeout(5 * 60_000);
  const stack = useLookupStack(() => ({ certificates: [site(), api, other] }));
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  before(() => ({ emulator, ws } = stack));

  it("up records each lookup with the resolved certificate and exports typed outputs", async () => {
    await ws.up();
    const outputs = await ws.stackOutputs<Record<string, unknown>>();
    const siteOut = outputs.siteCertificate as Record<string, unknown>;
    assert.equal(siteOut.name, "example-com");
    assert.equal(siteOut.status, "ISSUED");
    assert.equal(siteOut.serialNumber, "0a:01");
    assert.equal(siteOut.notAfter, "2027-09-01T00:00:00.000Z");
    assert.equal(typeof siteOut.daysUntilExpiry, "number");
    assert.equal(outputs.apiCertificateName, "api-example-com");
    assert.equal(outputs.distributionCertificateName, "example-com");
    assert.deepEqual(outputs.issuedCertificateNames, ["api-example-com", "example-com", "other-org"]);
    const state = await ws.exportState();
    const lookups = (state.deployment.resources ?? []).filter((r) => r.type === LOOKUP_TYPE);
    assert.equal(lookups.length, 2);
    const siteState = lookups.find((r) => r.urn.endsWith("::site"))!;
    assert.equal(siteState.id, site().arn);
    assert.equal(siteState.inputs?.notAfter, "2027-09-01T00:00:00.000Z");
    assert.deepEqual(siteState.inputs?.query, {
      domainName: "example.com",
      subjectAlternativeNames: ["www.example.com"],
    });
  });

  it("preview shows no change when nothing changed", async () => {
    const preview = await ws.previewJson();
    assert.deepEqual(preview.changeSummary, { same: 3 });
  });

  it("a change of this package's provider code alone shows no change", async () => {
    const state = await ws.exportState();
    for (const r of state.deployment.resources ?? []) {
      if (r.type !== LOOKUP_TYPE) continue;
      for (const bag of [r.inputs, r.outputs]) {
        if (bag && typeof bag.__provider === "string")
          bag.__provider = `${bag.__provider}\n// serialized by an older release\n`;
      }
    }
    const file = path.join(ws.dir, "state-edited.json");
    fs.writeFileSync(file, JSON.stringify(state));
    await ws.run(["stack", "import", "--file", file]);
    const preview = await ws.previewJson();
    assert.deepEqual(preview.changeSummary, { same: 3 });
  });

  it("a renewal in Lightsail shows as an update of exactly that lookup, naming the changed properties", async () => {
    await emulator.setFixtures({
      certificates: [
        site({ serialNumber: "0a:02", notBefore: "2027-08-01T00:00:00Z", notAfter: "2028-09-01T00:00:00Z" }),
        api,
        other,
      ],
    });
    const preview = await ws.previewJson();
    const step = lookupStep(preview, "site");
    assert.equal(step.op, "update");
    assert.deepEqual(changedInputs(step).sort(), ["issuedAt", "notAfter", "notBefore", "serialNumber"]);
    assert.deepEqual(preview.changeSummary, { same: 2, update: 1 });
    const text = await ws.preview(["--diff"]);
    assert.match(text.stdout, /~ notAfter\s*:\s*"2027-09-01T00:00:00\.000Z" => "2028-09-01T00:00:00\.000Z"/);
    assert.match(text.stdout, /~ serialNumber\s*:\s*"0a:01" => "0a:02"/);
  });

  it("refresh picks up the renewal, after which preview shows no change", async () => {
    await ws.refresh();
    const state = await ws.exportState();
    const siteState = state.deployment.resources!.find(
      (r) => r.type === LOOKUP_TYPE && r.urn.endsWith("::site"),
    )!;
    assert.equal(siteState.outputs?.serialNumber, "0a:02");
    assert.equal(siteState.outputs?.notAfter, "2028-09-01T00:00:00.000Z");
    const preview = await ws.previewJson();
    assert.deepEqual(preview.changeSummary, { same: 3 });
  });

  it("a replaced certificate (other ARN) shows as an update naming arn", async () => {
    await emulator.setFixtures({
      certificates: [
        site({
          arn: "arn:aws:lightsail:us-east-1:123456789012:Certificate/replaced-0000",
          serialNumber: "0a:02",
          notBefore: "2027-08-01T00:00:00Z",
          notAfter: "2028-09-01T00:00:00Z",
        }),
        api,
        other,
      ],
    });
    const step = lookupStep(await ws.previewJson(), "site");
    assert.equal(step.op, "update");
    assert.deepEqual(changedInputs(step), ["arn"]);
  });

  it("preview --debug shows what the lookups did", async () => {
    const r = await ws.preview(["--debug"]);
    assert.match(r.stdout, /lightsail-certificates: chose example-com/);
  });

  it("a bad argument fails preview with the property named", async () => {
    await ws.setConfig("domain", "https://example.com");
    const r = await ws.preview([], { expectFailure: true });
    const out = r.stdout + r.stderr;
    assert.match(out, /domainName/);
    assert.match(out, /URL scheme/);
  });

  it("a missing certificate fails preview with the not-found message", async () => {
    await ws.setConfig("domain", "missing.example.com");
    const r = await ws.preview([], { expectFailure: true });
    assert.match(r.stdout + r.stderr, /No Lightsail certificate matches domainName "missing\.example\.com"/);
    await ws.setConfig("domain", "example.com");
  });

  it("destroy sends no request that changes a certificate, and keeps no resource", async () => {
    emulator.resetCalls();
    await ws.destroy();
    const ops = emulator.calls().map((c) => c.operation);
    assert.deepEqual(
      ops.filter((o) => !(o ?? "").startsWith("Get")),
      [],
    );
    const state = await ws.exportState();
    assert.deepEqual(state.deployment.resources ?? [], []);
  });
});
