/**
 * Which Lightsail certificates a resource uses, read from its inputs. Pure: it sends nothing.
 *
 * - `aws:lightsail/distribution:Distribution` names an account certificate in `certificateName`;
 *   distributions live in us-east-1 and can only use certificates there.
 * - `aws:lightsail/containerService:ContainerService` names account certificates in
 *   `publicDomainNames.certificates[].certificateName` (the Lightsail API's shape, a map of
 *   certificate name to domains, is accepted too), in the service's own region.
 * - `aws:lightsail/lbCertificateAttachment:LbCertificateAttachment` attaches the load-balancer
 *   certificate `certificateName` of the load balancer `lbName`, in the attachment's region.
 *
 * A resource's region is its `region` input, else its provider's `region` (the default
 * provider's carries the stack config aws:region), else the fallback (the pack config's
 * `region`), else the lookup layer's one region chain (lookup/region.ts) from AWS_REGION on:
 * AWS_REGION, AWS_DEFAULT_REGION, the profile's region in the shared config file.
 */
import { PropertyBag, isUnknown, readString } from "./unknowns";

/** Type token of the CertificateLookup dynamic resource. */
export const CERTIFICATE_LOOKUP_TYPE = "pulumi-nodejs:dynamic/lightsail:CertificateLookup";
/** Type token of CertificateLookup as the provider plugin `lightsail-certificates` serves it (same inputs). */
export const PLUGIN_CERTIFICATE_LOOKUP_TYPE = "lightsail-certificates:index:CertificateLookup";

/** Whether `type` is a CertificateLookup, dynamic or of the provider plugin. */
export function isCertificateLookupType(type: string): boolean {
  return type === CERTIFICATE_LOOKUP_TYPE || type === PLUGIN_CERTIFICATE_LOOKUP_TYPE;
}
/** Type token of a Lightsail distribution. */
export const DISTRIBUTION_TYPE = "aws:lightsail/distribution:Distribution";
/** Type token of a Lightsail container service. */
export const CONTAINER_SERVICE_TYPE = "aws:lightsail/containerService:ContainerService";
/** Type token of a Lightsail load-balancer certificate attachment. */
export const LB_ATTACHMENT_TYPE = "aws:lightsail/lbCertificateAttachment:LbCertificateAttachment";

/** The region every Lightsail distribution, and so every certificate it uses, lives in. */
export const DISTRIBUTION_REGION = "us-east-1";

/** A certificate a resource uses, by name. */
export interface CertificateReference {
  /** `account`: a `GetCertificates` certificate; `load-balancer`: a `GetLoadBalancerTlsCertificates` one. */
  kind: "account" | "load-balancer";
  /** The certificate name. */
  certificateName: string;
  /** The load balancer, for `load-balancer` certificates. */
  loadBalancerName?: string;
  /** Where to look; undefined leaves it to the lookup layer's default region. */
  region?: string;
  /** Why that region, for messages, e.g. "distributions use us-east-1 certificates". */
  regionReason: string;
  /** The input naming the certificate, e.g. `certificateName`. */
  property: string;
}

/** What a resource's inputs say about the certificates it uses. */
export interface ReferenceScan {
  /** Certificates named by known inputs. */
  references: CertificateReference[];
}

/** Whether policies of this pack look at resources of `type`. */
export function isCheckedType(type: string): boolean {
  return [
    CERTIFICATE_LOOKUP_TYPE,
    PLUGIN_CERTIFICATE_LOOKUP_TYPE,
    DISTRIBUTION_TYPE,
    CONTAINER_SERVICE_TYPE,
    LB_ATTACHMENT_TYPE,
  ].includes(type);
}

/** The region a regional resource's certificates live in, and why; `unknown` when an input deciding it is unknown. */
function regionOf(
  props: PropertyBag,
  providerProps: PropertyBag | undefined,
  fallbackRegion: string | undefined,
): { region?: string; reason: string } | "unknown" {
  const own = readString(props, "region");
  if (own.state === "unknown") return "unknown";
  if (own.state === "known") return { region: own.value, reason: "the resource's `region`" };
  if (providerProps) {
    const fromProvider = readString(providerProps, "region");
    if (fromProvider.state === "unknown") return "unknown";
    if (fromProvider.state === "known")
      return { region: fromProvider.value, reason: "its provider's region" };
  }
  if (fallbackRegion !== undefined && fallbackRegion !== "")
    return { region: fallbackRegion, reason: "the policy pack config `region`" };
  return {
    reason:
      "the default region: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region in the shared config file",
  };
}

function asBag(value: unknown): PropertyBag | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as PropertyBag)
    : undefined;
}

/** The certificate names in a container service's `publicDomainNames`, with the input path of each. */
function containerServiceNames(value: unknown): Array<{ name: string; property: string }> {
  const names: Array<{ name: string; property: string }> = [];
  const base = "publicDomainNames";
  // Unknown at preview: names nothing known to judge (the policy decides only from known values).
  if (isUnknown(value)) return names;
  const bag = asBag(value);
  if (!bag) return names;
  const certificates = bag.certificates;
  if (isUnknown(certificates)) {
    return names;
  } else if (Array.isArray(certificates)) {
    // @pulumi/aws: { certificates: [{ certificateName, domainNames }] }
    certificates.forEach((entry: unknown, i) => {
      const property = `${base}.certificates[${i}].certificateName`;
      if (isUnknown(entry)) return;
      const name = readString(asBag(entry) ?? {}, "certificateName");
      if (name.state === "known") names.push({ name: name.value, property });
    });
  } else {
    // The Lightsail API's shape: { "<certificate name>": ["domain", ...] }
    for (const key of Object.keys(bag)) {
      if (key !== "certificates") names.push({ name: key, property: `${base}["${key}"]` });
    }
  }
  return names;
}

/**
 * The Lightsail certificates a resource of `type` uses, from its (unwrapped) inputs.
 * @param providerProps the inputs of the resource's provider, when known.
 * @param fallbackRegion the region to use when neither the resource nor its provider sets one.
 */
export function findReferences(
  type: string,
  props: PropertyBag,
  providerProps: PropertyBag | undefined,
  fallbackRegion: string | undefined,
): ReferenceScan {
  const scan: ReferenceScan = { references: [] };
  if (type === DISTRIBUTION_TYPE) {
    const name = readString(props, "certificateName");
    if (name.state === "known")
      scan.references.push({
        kind: "account",
        certificateName: name.value,
        region: DISTRIBUTION_REGION,
        regionReason: "distributions can only use certificates in us-east-1",
        property: "certificateName",
      });
    return scan;
  }
  if (type === CONTAINER_SERVICE_TYPE) {
    const names = containerServiceNames(props.publicDomainNames);
    if (names.length === 0) return scan;
    const where = regionOf(props, providerProps, fallbackRegion);
    if (where === "unknown") return scan;
    for (const { name, property } of names)
      scan.references.push({
        kind: "account",
        certificateName: name,
        region: where.region,
        regionReason: where.reason,
        property,
      });
    return scan;
  }
  if (type === LB_ATTACHMENT_TYPE) {
    const lbName = readString(props, "lbName");
    const name = readString(props, "certificateName");
    if (lbName.state !== "known" || name.state !== "known") return scan;
    const where = regionOf(props, providerProps, fallbackRegion);
    if (where === "unknown") return scan;
    scan.references.push({
      kind: "load-balancer",
      certificateName: name.value,
      loadBalancerName: lbName.value,
      region: where.region,
      regionReason: where.reason,
      property: "certificateName",
    });
  }
  return scan;
}
