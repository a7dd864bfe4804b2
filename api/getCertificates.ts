import * as pulumi from "@pulumi/pulumi";
import { listCertificates } from "../lookup/lookup";
import type { Certificate, KnownCertificateStatus } from "../lightsail/types";
import { processContext } from "./context";
import { invokeOutput } from "./invoke-output";

/** Arguments of {@link getCertificates}: the filters of `getCertificate`, all optional. */
export interface GetCertificatesArgs {
  /** Exact certificate name (case-sensitive): at most one certificate is listed. */
  readonly name?: string;
  /** Domain the certificates are for (primary domain or SAN); case and one trailing dot ignored. */
  readonly domainName?: string;
  /** Domains every listed certificate must cover (its primary domain or SANs). */
  readonly subjectAlternativeNames?: string[];
  /**
   * Statuses to list, from those this version knows.
   * @defaultValue `["ISSUED"]`
   */
  readonly statuses?: KnownCertificateStatus[];
  /**
   * A filter, not a failure: list only the certificates that stay valid at least this many whole
   * days from now (unlike `getCertificate`, which fails when its one certificate does not).
   */
  readonly minDaysValid?: number;
  /** Tags every listed certificate must have with exactly these values. */
  readonly tags?: Record<string, string>;
  /** Region, as for `getCertificate`. */
  readonly region?: string;
}

/** {@link GetCertificatesArgs} where every field may be a `pulumi.Input`. */
export interface GetCertificatesOutputArgs {
  /** As {@link GetCertificatesArgs.name}. */
  readonly name?: pulumi.Input<string>;
  /** As {@link GetCertificatesArgs.domainName}. */
  readonly domainName?: pulumi.Input<string>;
  /** As {@link GetCertificatesArgs.subjectAlternativeNames}. */
  readonly subjectAlternativeNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** As {@link GetCertificatesArgs.statuses}. @defaultValue `["ISSUED"]` */
  readonly statuses?: pulumi.Input<pulumi.Input<KnownCertificateStatus>[]>;
  /** As {@link GetCertificatesArgs.minDaysValid}. */
  readonly minDaysValid?: pulumi.Input<number>;
  /** As {@link GetCertificatesArgs.tags}. */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** As {@link GetCertificatesArgs.region}. */
  readonly region?: pulumi.Input<string>;
}

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
