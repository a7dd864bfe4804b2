/**
 * The state contract under the real engine: a stack created with the previous release (0.1.0,
 * built from this repository's history) previews with no change, refreshes and destroys with
 * this version. State holds 0.1.0's provider text, which `read` and `delete` run: it calls this
 * version's `pulumi-lightsail-certificates/provider` entry point.
 */
import { strict as assert } from "node:assert";
import type { RunningEmulator } from "../../emulator";
import { pointPackageAt, previousReleaseDir } from "../helpers/previous-release";
import type { PulumiWorkspace } from "../../tools/harness";
import {
  apiCertificate,
  LOOKUP_TYPE,
  otherCertificate,
  siteCertificate,
  useLookupStack,
} from "../../tools/lookup-program";

describe("upgrading from 0.1.0 under the real Pulumi engine", function () {
  this.timeout(6 * 60_000);
  const stack = useLookupStack(() => ({
    certificates: [siteCertificate(), apiCertificate, otherCertificate],
  }));
  let emulator: RunningEmulator;
  let ws: PulumiWorkspace;
  let storedProvider = "";
  before(() => ({ emulator, ws } = stack));

  it("0.1.0 creates the stack", async function () {
    this.timeout(4 * 60_000);
    const restore = pointPackageAt(ws.dir, previousReleaseDir());
    try {
      await ws.up();
    } finally {
      restore();
    }
    const state = await ws.exportState();
    const lookups = (state.deployment.resources ?? []).filter((r) => r.type === LOOKUP_TYPE);
    assert.equal(lookups.length, 2);
    storedProvider = String(lookups[0].inputs?.__provider ?? "");
    assert.match(storedProvider, /require\("pulumi-lightsail-certificates\/provider"\)/);
  });

  it("this version previews the 0.1.0 stack with no change at all", async () => {
    const preview = await ws.previewJson();
    const changed = preview.steps.filter((s) => s.op !== "same");
    assert.deepEqual(
      changed.map((s) => `${s.op} ${s.urn}`),
      [],
      JSON.stringify(preview.diagnostics),
    );
  });

  it("refresh runs 0.1.0's stored provider text against this version and changes nothing", async () => {
    emulator.resetCalls();
    const r = await ws.refresh();
    assert.match(r.stdout, /2 unchanged|3 unchanged|unchanged/);
    assert.doesNotMatch(r.stdout, /~ \d+ updated|[1-9]\d* updated/);
    assert.ok(
      emulator.calls().some((c) => c.operation === "GetCertificates"),
      "refresh read the certificates again",
    );
    const state = await ws.exportState();
    const lookups = (state.deployment.resources ?? []).filter((r) => r.type === LOOKUP_TYPE);
    assert.equal(lookups.length, 2);
    assert.equal(lookups.find((l) => l.urn.endsWith("::site"))?.outputs?.serialNumber, "0a:01");
  });

  it("destroy with this version removes both lookups and sends no write", async () => {
    emulator.resetCalls();
    await ws.destroy();
    assert.deepEqual(
      emulator.calls().filter((c) => !(c.operation ?? "").startsWith("Get")),
      [],
    );
    const state = await ws.exportState();
    assert.deepEqual(state.deployment.resources ?? [], []);
  });
});
