/**
 * Serializes the CertificateLookup provider once in a fresh process under
 * `pulumi.runtime.setMocks`, for case 5 (bench/serialization.ts): prints the size of `__provider`
 * and the time from `new CertificateLookup` to its registration (the first one serializes the
 * provider; later ones reuse the cached text).
 *
 * argv: `package` (CertificateLookup) or `trivial` (a dynamic resource whose provider only has
 * a one-line `create`: the cost @pulumi/pulumi's closure serializer has for any provider).
 */
type PulumiModule = typeof import("@pulumi/pulumi");
type PackageModule = typeof import("../index");

/** What the child prints (one JSON line). */
export interface SerializeChildResult {
  /** `__provider` as registered. */
  providerText: string;
  /** Its size in bytes (UTF-8). */
  bytes: number;
  /** First CertificateLookup: constructor to registration (includes serializing the provider), ms. */
  firstMs: number;
  /** Second CertificateLookup in the same program (provider text cached by @pulumi/pulumi), ms. */
  secondMs: number;
}

async function main(): Promise<void> {
  const pulumi = require("@pulumi/pulumi") as PulumiModule;
  const registered: Array<{ at: bigint; provider: string }> = [];
  const waiters: Array<() => void> = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ at: process.hrtime.bigint(), provider: String(args.inputs.__provider ?? "") });
        for (const wake of waiters.splice(0)) wake();
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    "bench",
    "bench",
    true,
  );
  const variant = process.argv[2] ?? "package";
  let make: (name: string, domainName: string) => void;
  if (variant === "trivial") {
    const provider: import("@pulumi/pulumi").dynamic.ResourceProvider = {
      async create() {
        return { id: "trivial" };
      },
    };
    class Trivial extends pulumi.dynamic.Resource {
      constructor(name: string, domainName: string) {
        super(provider, name, { domainName }, {}, "bench", "Trivial");
      }
    }
    make = (name, domainName) => new Trivial(name, domainName);
  } else {
    const { CertificateLookup } = require("pulumi-lightsail-certificates") as PackageModule;
    make = (name, domainName) => new CertificateLookup(name, { domainName, region: "us-east-1" });
  }
  const registration = async (count: number) => {
    while (registered.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return registered[count - 1];
  };
  const t0 = process.hrtime.bigint();
  make("first", "example.com");
  const first = await registration(1);
  const t1 = process.hrtime.bigint();
  make("second", "www.example.com");
  const second = await registration(2);
  const result: SerializeChildResult = {
    providerText: first.provider,
    bytes: Buffer.byteLength(first.provider),
    firstMs: Number(first.at - t0) / 1e6,
    secondMs: Number(second.at - t1) / 1e6,
  };
  // No process.exit: the Pulumi runtime reports (and fails on) registrations still in flight.
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
