import * as pulumi from "@pulumi/pulumi";
import { findCertificate } from "../lookup/lookup";
import type { Certificate, KnownCertificateStatus } from "../lightsail/types";
import { processContext } from "./context";
import { invokeOutput } from "./invoke-output";

/** Arguments of {@link getCertificate}. Give `name`, `domainName`, or both. */
export interface GetCertificateArgs {
  /** Exact certificate name (case-sensitive). A name lookup costs one request. */
  readonly name?: string;
  /**
   * Domain the certificate is for; compared case-insensitively, one trailing dot ignored.
   * A certificate whose primary domain equals it wins over ones that hold it only as a SAN.
   */
  readonly domainName?: string;
  /** Domains the certificate must all cover (its primary domain or SANs). */
  readonly subjectAlternativeNames?: string[];
  /**
   * Statuses to accept (default `["ISSUED"]`). Only the statuses this version knows (an unknown
   * one is an `InvalidArgumentError`); results are typed open: `status` may hold one the service
   * added since.
   * @defaultValue `["ISSUED"]`
   */
  readonly statuses?: KnownCertificateStatus[];
  /**
   * When several certificates match, take the most recent instead of failing (default false).
   * The most recent: latest `notBefore`, then `issuedAt`, `createdAt`, name.
   * @defaultValue false
   */
  readonly mostRecent?: boolean;
  /**
   * Fail unless the chosen certificate stays valid at least this many whole days from now. The
   * failure is a `CertificateExpiringError`.
   */
  readonly minDaysValid?: number;
  /** Tags that must all be present with exactly these values. */
  readonly tags?: Record<string, string>;
  /**
   * Region; otherwise `opts.provider`'s region, the stack's `aws:region`, `AWS_REGION`,
   * `AWS_DEFAULT_REGION`, the profile's region. Must be a region this version knows.
   */
  readonly region?: string;
}

/** {@link GetCertificateArgs} where every field may be a `pulumi.Input`. */
export interface GetCertificateOutputArgs {
  /** As {@link GetCertificateArgs.name}. */
  readonly name?: pulumi.Input<string>;
  /** As {@link GetCertificateArgs.domainName}. */
  readonly domainName?: pulumi.Input<string>;
  /** As {@link GetCertificateArgs.subjectAlternativeNames}. */
  readonly subjectAlternativeNames?: pulumi.Input<pulumi.Input<string>[]>;
  /** As {@link GetCertificateArgs.statuses}. @defaultValue `["ISSUED"]` */
  readonly statuses?: pulumi.Input<pulumi.Input<KnownCertificateStatus>[]>;
  /** As {@link GetCertificateArgs.mostRecent}. @defaultValue false */
  readonly mostRecent?: pulumi.Input<boolean>;
  /** As {@link GetCertificateArgs.minDaysValid}. */
  readonly minDaysValid?: pulumi.Input<number>;
  /** As {@link GetCertificateArgs.tags}. */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** As {@link GetCertificateArgs.region}. */
  readonly region?: pulumi.Input<string>;
}

/**
 * Finds the one Lightsail certificate that matches, ISSUED by default, reading every page of
 * `GetCertificates`. Lookups in one process share scans.
 *
 * @throws InvalidArgumentError for a bad argument (before any request)
 * @throws CertificateNotFoundError, AmbiguousCertificateError, CertificateExpiringError,
 *   AccessDeniedError, PaginationError, LightsailApiError, RegionNotSetError
 * @param opts `provider`: an `aws.Provider` whose region and profile the lookup uses (any other
 *   provider, or one with explicit keys, is an `InvalidArgumentError`); the rest is ignored.
 * @example
 * ```ts
 * import { getCertificate } from "pulumi-lightsail-certificates";
 * const cert = await getCertificate({ domainName: "example.com", region: "us-east-1", minDaysValid: 30 });
 * console.log(cert.name, cert.notAfter, cert.daysUntilExpiry);
 * ```
 */
export async function getCertificate(
  args: GetCertificateArgs,
  opts?: pulumi.InvokeOptions,
): Promise<Certificate> {
  return findCertificate(await processContext(opts), args);
}

/**
 * The Output form of {@link getCertificate}: arguments may be Inputs; `dependsOn` is honoured;
 * the result stays unknown while an argument is unknown at preview.
 * @param opts `provider` as for the Promise form (the result stays unknown while its region is);
 *   `dependsOn`: resources that must exist before Lightsail is read.
 * @example
 * ```ts
 * import * as aws from "@pulumi/aws";
 * import { getCertificateOutput } from "pulumi-lightsail-certificates";
 * const cert = getCertificateOutput({ domainName: "example.com", region: "us-east-1" });
 * new aws.lightsail.Distribution("cdn", { certificateName: cert.name, ... });
 * ```
 */
export function getCertificateOutput(
  args: GetCertificateOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<Certificate> {
  return invokeOutput(args, opts, (plain, o) => getCertificate(plain as GetCertificateArgs, o));
}
