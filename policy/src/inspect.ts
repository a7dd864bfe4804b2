/**
 * What the three policies share: the lookup contexts (one per distinct request settings, all
 * sharing one cache, so a certificate several resources or policies use is read once per
 * preview), and the one inspection loop: for a resource of a checked type, every certificate it
 * uses, judged from a CertificateLookup's checked inputs or looked up through the lookup layer.
 */
import type { ReportViolation, ResourceValidationArgs } from "@pulumi/policy";
import {
  Certificate,
  CertificateNotFoundError,
  createLookupContext,
  findCertificate,
  findLoadBalancerCertificate,
  KNOWN_CERTIFICATE_STATUSES,
  LoadBalancerTlsCertificate,
  LookupContext,
} from "../../dist/provider/pack-entry";
import {
  CERTIFICATE_LOOKUP_TYPE,
  isCertificateLookupType,
  PLUGIN_CERTIFICATE_LOOKUP_TYPE,
  CertificateReference,
  CONTAINER_SERVICE_TYPE,
  DISTRIBUTION_TYPE,
  findReferences,
  isCheckedType,
  LB_ATTACHMENT_TYPE,
} from "./references";
import { LookupSettings, type PolicyRole, settingNames, settingsOf } from "./settings";
import { isUnknown, PropertyBag, readString, unwrapProps } from "./unknowns";
import {
  CertificateFacts,
  configViolation,
  lookupFailedViolation,
  NearbyCertificate,
  notFoundViolation,
  Subject,
} from "./verdicts";

/** What the policies reach the outside world through. */
export interface PolicyDependencies {
  /**
   * The lookup context (clients, cache, clock). One is created on first use, with the AWS SDK's
   * own chain (credentials, AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_LIGHTSAIL). A policy
   * whose config sets request settings looks up through a context made by
   * `createLookupContext({ settings })` with this one's clients factory, clock, environment,
   * cache, debug log and connection (its own clientOptions and maxPages are not carried over).
   */
  context?: LookupContext;
  /**
   * The clock days left are measured from.
   * @defaultValue the context's clock
   */
  now?: () => Date;
}

/** One certificate a resource uses, as looked up (or the reason it could not be). */
export type Inspection =
  | { subject: Subject; outcome: "found"; cert: CertificateFacts; note?: string }
  | {
      subject: Subject & { reference: CertificateReference };
      outcome: "not-found";
      closest: NearbyCertificate[];
      detail: string;
    }
  | { subject: Subject & { reference: CertificateReference }; outcome: "failed"; error: Error };

const ALL_STATUSES: string[] = [...KNOWN_CERTIFICATE_STATUSES];
const ALL_LB_STATUSES: string[] = [...KNOWN_CERTIFICATE_STATUSES, "UNKNOWN"];

export const RESOURCE_LABELS: Record<string, string> = {
  [CERTIFICATE_LOOKUP_TYPE]: "CertificateLookup",
  [PLUGIN_CERTIFICATE_LOOKUP_TYPE]: "CertificateLookup",
  [DISTRIBUTION_TYPE]: "Distribution",
  [CONTAINER_SERVICE_TYPE]: "ContainerService",
  [LB_ATTACHMENT_TYPE]: "LbCertificateAttachment",
};

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

function configRegion(args: ResourceValidationArgs): string | undefined {
  const region = (args.getConfig<{ region?: unknown }>() ?? {}).region;
  return typeof region === "string" && region !== "" ? region : undefined;
}

/** The certificate a CertificateLookup resolved, from its checked inputs; undefined while any of it is unknown. */
function lookupFacts(props: PropertyBag): { cert: CertificateFacts; note: string } | undefined {
  const name = readString(props, "name");
  const status = readString(props, "status");
  const notAfter = readString(props, "notAfter");
  // Unresolved (its search had an unknown) or unknown: nothing known to judge at this preview.
  if (name.state !== "known" || status.state === "unknown" || notAfter.state === "unknown") return undefined;
  const domainName = readString(props, "domainName");
  const region = readString(props, "region");
  const renewalStatus = readString(props, "renewalStatus");
  const cert: CertificateFacts = {
    name: name.value,
    status: status.state === "known" ? status.value : "UNKNOWN",
    ...(notAfter.state === "known" ? { notAfter: notAfter.value } : {}),
    ...(renewalStatus.state === "known" ? { renewalStatus: renewalStatus.value } : {}),
    ...(domainName.state === "known" ? { domainName: domainName.value } : {}),
    ...(region.state === "known" ? { region: region.value } : {}),
  };
  const query = props.query;
  const statuses = query !== null && typeof query === "object" ? (query as PropertyBag).statuses : undefined;
  const asked = Array.isArray(statuses)
    ? statuses.filter((s): s is string => typeof s === "string" && !isUnknown(s))
    : [];
  const note =
    asked.length > 0 && asked.some((s) => s !== "ISSUED")
      ? ` (The lookup asks for statuses ${asked.join(", ")}; a certificate used by the stack must still be ISSUED.)`
      : "";
  return { cert, note };
}

function factsOf(cert: Certificate | LoadBalancerTlsCertificate): CertificateFacts {
  return {
    name: cert.name,
    status: cert.status,
    domainName: cert.domainName,
    region: cert.region,
    ...(cert.notAfter !== undefined ? { notAfter: cert.notAfter } : {}),
    ...("loadBalancerName" in cert ? { loadBalancerName: cert.loadBalancerName } : {}),
    ...(cert.renewalStatus !== undefined ? { renewalStatus: cert.renewalStatus } : {}),
    ...("renewalStatusReason" in cert && cert.renewalStatusReason !== undefined
      ? { renewalStatusReason: cert.renewalStatusReason }
      : {}),
    ...("renewalDomainValidationRecords" in cert && cert.renewalDomainValidationRecords !== undefined
      ? { renewalDomainValidationRecords: cert.renewalDomainValidationRecords }
      : {}),
    domainValidationRecords: cert.domainValidationRecords,
  };
}

/** What a policy uses of the shared machinery. */
export interface Inspector {
  /** The clock days left are measured from. */
  now(): Date;
  /** The lookup context for a policy's request settings. */
  contextFor(settings: LookupSettings, role?: PolicyRole): LookupContext;
  /** Looks one referenced certificate up, in any status. */
  lookUp(subject: Subject & { reference: CertificateReference }, ctx: LookupContext): Promise<Inspection>;
  /** Every certificate a resource uses (see {@link createInspector}). */
  inspect(policy: string, args: ResourceValidationArgs, report: ReportViolation): Promise<Inspection[]>;
  /** Reports a certificate that was not found or could not be read. */
  reportFailures(inspection: Inspection, report: ReportViolation): void;
}

/** The shared contexts and inspection loop of one pack instance. */
export function createInspector(deps: PolicyDependencies = {}): Inspector {
  let context = deps.context;
  const lookupContext = (): LookupContext =>
    (context ??= createLookupContext(deps.now ? { now: deps.now } : {}));
  const now = (): Date => (deps.now ? deps.now() : lookupContext().now());
  const tuned = new Map<string, LookupContext>();
  /** The context for a policy's settings and role: one per distinct pair, all sharing one cache. */
  const contextFor = (settings: LookupSettings, role?: PolicyRole): LookupContext => {
    const base = lookupContext();
    const names = settingNames().filter((name) => settings[name] !== undefined);
    if (names.length === 0 && !role) return base;
    const key = JSON.stringify([names.map((name) => [name, settings[name]]), role ?? null]);
    let ctx = tuned.get(key);
    if (!ctx) {
      const { clientFor, now: clock, env, cache, debug } = base;
      const connection = role
        ? { ...base.connection, assumeRole: { ...role, sessionName: "lightsail-policy" } }
        : base.connection;
      ctx = createLookupContext({ clientFor, now: clock, env, cache, debug, connection, settings });
      tuned.set(key, ctx);
    }
    return ctx;
  };

  async function lookUp(
    subject: Subject & { reference: CertificateReference },
    ctx: LookupContext,
  ): Promise<Inspection> {
    const ref = subject.reference;
    try {
      const cert =
        ref.kind === "load-balancer"
          ? await findLoadBalancerCertificate(ctx, {
              loadBalancerName: ref.loadBalancerName,
              name: ref.certificateName,
              statuses: ALL_LB_STATUSES,
              ...(ref.region !== undefined ? { region: ref.region } : {}),
            })
          : await findCertificate(ctx, {
              name: ref.certificateName,
              statuses: ALL_STATUSES,
              ...(ref.region !== undefined ? { region: ref.region } : {}),
            });
      return { subject, outcome: "found", cert: factsOf(cert) };
    } catch (err) {
      const error = asError(err);
      if (CertificateNotFoundError.isInstance(error)) {
        const closest: NearbyCertificate[] = error.closest;
        return { subject, outcome: "not-found", closest, detail: error.message };
      }
      return { subject, outcome: "failed", error };
    }
  }

  /**
   * Every certificate the resource uses, looked up with the policy's request settings; empty
   * when nothing known applies. A bad setting in the policy's config is reported (once per
   * resource of a checked type) instead, and nothing is looked up.
   */
  async function inspect(
    policy: string,
    args: ResourceValidationArgs,
    report: ReportViolation,
  ): Promise<Inspection[]> {
    if (!isCheckedType(args.type)) return [];
    const { settings, role, problems } = settingsOf(args.getConfig<object>());
    if (!settings) {
      report(configViolation(policy, problems));
      return [];
    }
    const props = unwrapProps(args.props);
    const resource = `${RESOURCE_LABELS[args.type]} "${args.name}"`;
    if (isCertificateLookupType(args.type)) {
      const facts = lookupFacts(props);
      return facts ? [{ subject: { resource }, outcome: "found", cert: facts.cert, note: facts.note }] : [];
    }
    const providerProps = args.provider ? unwrapProps(args.provider.props) : undefined;
    const { references } = findReferences(args.type, props, providerProps, configRegion(args));
    const ctx = contextFor(settings, role);
    return Promise.all(references.map((reference) => lookUp({ resource, reference }, ctx)));
  }

  function reportFailures(inspection: Inspection, report: ReportViolation): void {
    if (inspection.outcome === "not-found")
      report(
        notFoundViolation(
          inspection.subject,
          inspection.subject.reference,
          inspection.closest,
          inspection.detail,
        ),
      );
    else if (inspection.outcome === "failed")
      report(lookupFailedViolation(inspection.subject, inspection.subject.reference, inspection.error));
  }

  return { now, contextFor, lookUp, inspect, reportFailures };
}
