/**
 * One lookup in a fresh process, for case 3 (bench/memory.ts): prints the process's peak RSS
 * when it is done. Run by plain `node` from bench/.tmp/.
 *
 * argv: variant region domainName expectedName maxPages
 */
type ProviderModule = typeof import("../provider/pack-entry");
type PackageModule = typeof import("../index");
type SdkModule = typeof import("@aws-sdk/client-lightsail");
type BaselineModule = typeof import("./baseline");

/** What the child prints (one JSON line). */
export interface MemoryChildResult {
  variant: string;
  found: string;
  /** Peak resident set size, bytes (`process.resourceUsage().maxRSS`). */
  maxRssBytes: number;
  /** Heap in use at the end, bytes. */
  heapUsedBytes: number;
}

async function lookup(
  variant: string,
  region: string,
  domainName: string,
  maxPages: number,
): Promise<string> {
  switch (variant) {
    case "package": {
      // The lookup layer alone (what the dynamic provider, the gate and the policy pack load).
      const provider = require("pulumi-lightsail-certificates/internal/pack") as ProviderModule;
      const ctx = provider.createLookupContext({ maxPages });
      return (await provider.findCertificate(ctx, { domainName, region })).name;
    }
    case "package-public": {
      // The public function, as a program calls it (loads @pulumi/pulumi).
      const pkg = require("pulumi-lightsail-certificates") as PackageModule;
      return (await pkg.getCertificate({ domainName, region })).name;
    }
    case "baseline":
    case "baseline-pulumi": {
      // Modules are loaded here, so that each variant loads only what it uses.
      if (variant === "baseline-pulumi") require("@pulumi/pulumi");
      const { LightsailClient } = require("@aws-sdk/client-lightsail") as SdkModule;
      const { naiveFindCertificate } = require("./baseline") as BaselineModule;
      const client = new LightsailClient({ region });
      return (await naiveFindCertificate(client, { domainName })).certificate.certificateName ?? "";
    }
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

async function main(): Promise<void> {
  const [variant, region, domainName, expected, maxPages] = process.argv.slice(2);
  const found = await lookup(variant, region, domainName, Number(maxPages));
  if (found !== expected) throw new Error(`${variant} found ${found}, expected ${expected}`);
  const result: MemoryChildResult = {
    variant,
    found,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Keep-alive sockets would hold the process open.
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
