import * as pulumi from "@pulumi/pulumi";
import { listCertificates } from "../provider/lookup";
import type { Certificate } from "../provider/types";
import { processContext } from "./context";
import type { GetCertificateArgs } from "./getCertificate";
import { invokeOutput } from "./invoke-output";

/** Arguments of {@link getCertificates}: the filters of `getCertificate`, all optional. */
export type GetCertificatesArgs = Omit<GetCertificateArgs, "mostRecent">;

/** {@link GetCertificatesArgs} where every field may be a `pulumi.Input`. */
export type GetCertificatesOutputArgs = {
  [K in keyof GetCertificatesArgs]?: pulumi.Input<NonNullable<GetCertificatesArgs[K]>>;
};

/** The result of {@link getCertificates}. */
export interface GetCertificatesResult {
  /** The region that was read. */
  region: string;
  /** Every matching certificate, sorted by name. With `minDaysValid`, only those valid that long. */
  certificates: Certificate[];
}

/**
 * Lists the Lightsail certificates that match (ISSUED by default), sorted by name, reading
 * every page of `GetCertificates`. No ambiguity rule: zero or many is a valid answer.
 * @param opts `provider`: an `aws.Provider` whose region and profile the lookup uses (any other
 *   provider, or one with explicit keys, is an `InvalidArgumentError`); the rest is ignored.
 * @example
 * ```ts
 * import { getCertificates } from "pulumi-lightsail-certificates";
 * const { certificates } = await getCertificates({ region: "eu-west-1", statuses: ["ISSUED", "PENDING_VALIDATION"] });
 * for (const c of certificates) console.log(c.name, c.status, c.daysUntilExpiry);
 * ```
 */
export async function getCertificates(
  args?: GetCertificatesArgs,
  opts?: pulumi.InvokeOptions,
): Promise<GetCertificatesResult> {
  return listCertificates(await processContext(opts), args);
}

/**
 * The Output form of {@link getCertificates}.
 * @param opts `provider` as for the Promise form (the result stays unknown while its region is);
 *   `dependsOn`: resources that must exist before Lightsail is read.
 * @example
 * ```ts
 * import { getCertificatesOutput } from "pulumi-lightsail-certificates";
 * export const names = getCertificatesOutput({ region: "us-east-1" }).certificates.apply((cs) => cs.map((c) => c.name));
 * ```
 */
export function getCertificatesOutput(
  args?: GetCertificatesOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetCertificatesResult> {
  return invokeOutput(args ?? {}, opts, (plain, o) => getCertificates(plain as GetCertificatesArgs, o));
}
