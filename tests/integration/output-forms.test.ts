/**
 * The Output forms under `pulumi.runtime.setMocks`, with the emulator behind the lookups:
 * Inputs are accepted, `dependsOn` is honoured, and an argument unknown at preview leaves the
 * result unknown instead of failing.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { makeCertificate } from "../../emulator";
import { getCertificateOutput, getCertificatesOutput } from "../../index";
import { useEmulator } from "../helpers/emulator";
import { useEmulatorEnvironment } from "../helpers/environment";

/** Resolves an Output to { known, value } (Output.isKnown is internal but stable). */
async function settle<T>(output: pulumi.Output<T>): Promise<{ known: boolean; value: T | undefined }> {
  const internal = output as unknown as { isKnown: Promise<boolean>; promise(): Promise<T> };
  const known = await internal.isKnown;
  return { known, value: known ? await internal.promise() : undefined };
}

class Thing extends pulumi.CustomResource {
  declare readonly domain: pulumi.Output<string>;
  constructor(name: string, args: { domain: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super("test:index:Thing", name, { domain: args.domain }, opts);
  }
}

function useMocks(preview: boolean, created: string[]) {
  return pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        await new Promise((r) => setTimeout(r, 50));
        created.push(args.name);
        return preview
          ? { id: undefined as unknown as string, state: {} }
          : { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    preview,
  );
}

describe("Output forms", function () {
  this.timeout(30_000);
  const h = useEmulator({
    fixtures: {
      certificates: [
        makeCertificate({ name: "site", domainName: "example.com" }),
        makeCertificate({ name: "api", domainName: "api.example.com" }),
      ],
    },
    pageSize: 1,
  });
  useEmulatorEnvironment(() => h.emulator);

  it("accepts Inputs from other resources and resolves the certificate", async () => {
    await useMocks(false, []);
    const thing = new Thing("t", { domain: "api.example.com" });
    const cert = getCertificateOutput({
      domainName: thing.domain,
      statuses: pulumi.output(["ISSUED" as const]),
    });
    const { known, value } = await settle(cert);
    assert.equal(known, true);
    assert.equal(value!.name, "api");
    const list = await settle(getCertificatesOutput({ region: pulumi.output("us-east-1") }));
    assert.deepEqual(
      list.value!.certificates.map((c) => c.name),
      ["api", "site"],
    );
  });

  it("waits for dependsOn resources before it reads Lightsail", async () => {
    // The engine's answer for "gate" is held back until the test releases it: no timing involved.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await pulumi.runtime.setMocks(
      {
        newResource: async (args) => {
          if (args.name === "gate") await held;
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: () => ({}),
      },
      "project",
      "stack",
      false,
    );
    const gate = new Thing("gate", { domain: "x" });
    const cert = getCertificateOutput({ name: "site" }, { dependsOn: [gate] });
    // Let every ready promise settle: the lookup must still be waiting for "gate".
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    assert.equal(h.emulator.calls().length, 0, "Lightsail was read before the dependsOn resource existed");
    release();
    const { value } = await settle(cert);
    assert.equal(value!.name, "site");
    assert.equal(h.emulator.calls().length, 1);
  });

  it("stays unknown, without failing or reading, while an argument is unknown at preview", async () => {
    await useMocks(true, []);
    const thing = new Thing("t", { domain: "example.com" });
    const cert = getCertificateOutput({ domainName: thing.id.apply((id) => `${id}.example.com`) });
    const { known } = await settle(cert);
    assert.equal(known, false);
    assert.equal(h.emulator.calls().length, 0);
  });

  it("rejects a bad argument with the argument named once it is known", async () => {
    await useMocks(false, []);
    const cert = getCertificateOutput({ domainName: pulumi.output("not a domain") });
    await assert.rejects((cert as unknown as { promise(): Promise<unknown> }).promise(), /`domainName`/);
  });
});
