/**
 * The policies of the `lightsail-certificates` pack, in a module of their own so that tests
 * (and other packs) use them without starting a policy pack server.
 *
 * - `lightsail-certificate-expiry`: every Lightsail certificate the stack uses stays valid at
 *   least `minDaysValid` days (default 30).
 * - `lightsail-certificate-issued`: every Lightsail certificate the stack uses is ISSUED.
 * - `lightsail-certificate-renewal` (advisory by default): the renewal of every Lightsail
 *   certificate the stack uses is not stuck (the rule of lookup/renewal.ts: `stuckStatuses`,
 *   default PendingValidation and Failed, or a FAILED renewal validation record).
 *
 * The first two are mandatory by default and judge, at preview already:
 * - a `CertificateLookup` from its checked inputs (the resolved certificate's name, status and
 *   notAfter), without a request;
 * - a Lightsail distribution, container service or load-balancer certificate attachment by
 *   looking up the certificates it names, in any status, through the package's lookup layer
 *   (shared, cached scans; the client factory and the clock are injectable).
 *
 * The renewal policy judges the aws resources the same way. A CertificateLookup's checked inputs
 * hold its `renewalStatus` but not the reason or the renewal's DNS records (adding them to the
 * compared properties would show an update of every lookup whenever Lightsail touched its
 * renewal), so when that status is known the policy reads the certificate by name and region
 * through the lookup layer, as it reads a distribution's; no renewal status: nothing to judge,
 * no request.
 *
 * A verdict is only reached from known values: when what decides it is unknown at preview, the
 * policies report nothing for that resource (the update runs them again with known values).
 * A certificate that is not found, or a lookup that fails (access denied, throttling, no region),
 * is reported as a violation; a policy never throws.
 *
 * Each policy's config may tune its requests (`requestTimeoutMs`, `maxAttempts`, `maxPages`:
 * see settings.ts); a value out of range is reported as a violation and nothing is looked up.
 */
import type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import {
  Certificate,
  CertificateNotFoundError,
  createLookupContext,
  DEFAULT_STUCK_RENEWAL_STATUSES,
  KNOWN_RENEWAL_STATUSES,
  findCertificate,
  findLoadBalancerCertificate,
  KNOWN_CERTIFICATE_STATUSES,
  LoadBalancerTlsCertificate,
  LookupContext,
  MAX_MIN_DAYS_VALID,
} from "pulumi-lightsail-certificates/provider";
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
import {
  LookupSettings,
  type PolicyRole,
  roleSchema,
  settingNames,
  settingsOf,
  settingsSchema,
} from "./settings";
import { isUnknown, PropertyBag, readString, unwrapProps } from "./unknowns";
import {
  CertificateFacts,
  CONFIG_HINT,
  configViolation,
  expiryViolation,
  lookupFailedViolation,
  NearbyCertificate,
  notFoundViolation,
  renewalViolation,
  statusViolation,
  Subject,
} from "./verdicts";

export type { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";

/** Name of the expiry policy. */
export const EXPIRY_POLICY = "lightsail-certificate-expiry";
/** Name of the status policy. */
export const ISSUED_POLICY = "lightsail-certificate-issued";
/** Name of the renewal policy. */
export const RENEWAL_POLICY = "lightsail-certificate-renewal";
/** Default of the renewal policy's `stuckStatuses`. */
export const DEFAULT_STUCK_STATUSES: readonly string[] = DEFAULT_STUCK_RENEWAL_STATUSES;
/** Default of the expiry policy's `minDaysValid`. */
export const DEFAULT_MIN_DAYS_VALID = 30;
/** Largest `minDaysValid` accepted: the package's, as for getCertificate. */
export { MAX_MIN_DAYS_VALID };

/** More about Lightsail certificates (renewal, validation, where they can be used). */
const DOCS_URL =
  "https://docs.aws.amazon.com/lightsail/latest/userguide/amazon-lightsail-faq-certificates.html";

/** Configuration of the expiry policy (`--policy-pack-config`). */
export interface ExpiryPolicyConfig {
  /**
   * Days a certificate must stay valid from now; it passes when its whole days left
   * (`daysUntilExpiry`) are at least this.
   * @defaultValue 30
   */
  minDaysValid?: number;
  /** Region of resources that set none and whose provider sets none. */
  region?: string;
}

/** Configuration of the issued policy. */
export interface IssuedPolicyConfig {
  /** Region of resources that set none and whose provider sets none. */
  region?: string;
}

/** Configuration of the renewal policy. */
export interface RenewalPolicyConfig {
  /**
   * Renewal statuses that count as stuck (exact, PascalCase as the API spells them).
   * @defaultValue ["PendingValidation", "Failed"]
   */
  stuckStatuses?: string[];
  /** Region of resources that set none and whose provider sets none. */
  region?: string;
}

/**
 * `stuckStatuses` from the renewal policy's config: the default when unset, else the list given
 * (a non-empty array of non-empty strings; a known status in the wrong case is a problem, a
 * status this version does not know is accepted: the service adds values).
 */
export function stuckStatusesOf(config: { stuckStatuses?: unknown } | undefined): {
  statuses?: string[];
  problems: Array<{ property: string; reason: string }>;
} {
  const value = config?.stuckStatuses;
  if (value === undefined) return { statuses: [...DEFAULT_STUCK_STATUSES], problems: [] };
  const known: readonly string[] = KNOWN_RENEWAL_STATUSES;
  const expected = `a list of renewal statuses (${known.join(", ")})`;
  if (!Array.isArray(value) || value.length === 0)
    return {
      problems: [{ property: "stuckStatuses", reason: `must be ${expected}, got ${JSON.stringify(value)}` }],
    };
  const problems: Array<{ property: string; reason: string }> = [];
  value.forEach((status: unknown, i) => {
    const property = `stuckStatuses[${i}]`;
    if (typeof status !== "string" || status.trim() === "")
      problems.push({ property, reason: `must be a renewal status, got ${JSON.stringify(status)}` });
    else if (!known.includes(status)) {
      const spelled = known.find((k) => k.toLowerCase() === status.replace(/_/g, "").toLowerCase());
      if (spelled)
        problems.push({
          property,
          reason: `is spelt ${spelled} (renewal statuses are PascalCase), got "${status}"`,
        });
    }
  });
  return problems.length > 0 ? { problems } : { statuses: [...new Set(value as string[])], problems };
}

/** Request settings either policy's config may hold (ranges: lightsail/settings.ts). */
export type PolicyRequestSettings = LookupSettings;

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
type Inspection =
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

const RESOURCE_LABELS: Record<string, string> = {
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

/** `minDaysValid` from the pack config; the default when unset (the CLI validates it against the schema). */
export function minDaysValidOf(config: { minDaysValid?: unknown } | undefined): number {
  const value = config?.minDaysValid;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : DEFAULT_MIN_DAYS_VALID;
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

/**
 * Creates the three policies. They share one lookup context, so a certificate that several
 * resources (or both policies) use is read once per preview.
 * @example
 * ```ts
 * new PolicyPack("lightsail-certificates", { policies: createPolicies() });
 * ```
 */
export function createPolicies(deps: PolicyDependencies = {}): ResourceValidationPolicy[] {
  let context = deps.context;
  const lookupContext = (): LookupContext =>
    (context ??= createLookupContext(deps.now ? { now: deps.now } : {}));
  const now = (): Date => (deps.now ? deps.now() : lookupContext().now());
  const tuned = new Map<string, LookupContext>();
  /** The context for a policy's settings: one per distinct settings, all sharing one cache. */
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

  const regionSchema = {
    type: "string" as const,
    description:
      "Region of container services and load-balancer attachments that set no `region` and whose provider sets none " +
      "(after it: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region in the shared config file of the pulumi process).",
  };

  const expiry: ResourceValidationPolicy = {
    name: EXPIRY_POLICY,
    displayName: "Lightsail certificates stay valid long enough",
    description:
      "Lightsail certificates used by the stack (CertificateLookup, distributions, container services, " +
      "load-balancer certificate attachments) must stay valid at least minDaysValid days (default 30).",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["lightsail", "tls", "certificates"],
    remediationSteps:
      "Renew the certificate (or request a new one) in Lightsail, point the resource at a certificate that stays " +
      `valid long enough, or ${CONFIG_HINT}.`,
    url: DOCS_URL,
    configSchema: {
      properties: {
        minDaysValid: {
          type: "integer",
          default: DEFAULT_MIN_DAYS_VALID,
          minimum: 0,
          maximum: MAX_MIN_DAYS_VALID,
          description:
            "Whole days a certificate must stay valid from now: it passes when floor((notAfter - now) / 1 day) >= minDaysValid.",
        },
        region: regionSchema,
        ...settingsSchema(),
        ...roleSchema(),
      },
    },
    validateResource: async (args, reportViolation) => {
      const minDaysValid = minDaysValidOf(args.getConfig<ExpiryPolicyConfig>());
      const inspections = await inspect(EXPIRY_POLICY, args, reportViolation);
      if (inspections.length === 0) return;
      const at = now();
      for (const inspection of inspections) {
        if (inspection.outcome !== "found") reportFailures(inspection, reportViolation);
        else {
          const message = expiryViolation(inspection.subject, inspection.cert, minDaysValid, at);
          if (message) reportViolation(message);
        }
      }
    },
  };

  const issued: ResourceValidationPolicy = {
    name: ISSUED_POLICY,
    displayName: "Lightsail certificates are ISSUED",
    description:
      "Lightsail certificates used by the stack (CertificateLookup, distributions, container services, " +
      "load-balancer certificate attachments) must have the status ISSUED.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: ["lightsail", "tls", "certificates"],
    remediationSteps:
      "Finish the certificate's DNS validation, request a new certificate, or point the resource at an ISSUED certificate.",
    url: DOCS_URL,
    configSchema: { properties: { region: regionSchema, ...settingsSchema(), ...roleSchema() } },
    validateResource: async (args, reportViolation) => {
      for (const inspection of await inspect(ISSUED_POLICY, args, reportViolation)) {
        if (inspection.outcome !== "found") reportFailures(inspection, reportViolation);
        else {
          const message = statusViolation(inspection.subject, inspection.cert, inspection.note);
          if (message) reportViolation(message);
        }
      }
    },
  };

  const renewal: ResourceValidationPolicy = {
    name: RENEWAL_POLICY,
    displayName: "Lightsail certificate renewals are not stuck",
    description:
      "The renewal of Lightsail certificates used by the stack (CertificateLookup, distributions, container services, " +
      "load-balancer certificate attachments) must not be stuck: renewalStatus in stuckStatuses (default " +
      "PendingValidation, Failed) or a FAILED renewal validation record.",
    enforcementLevel: "advisory",
    severity: "medium",
    tags: ["lightsail", "tls", "certificates", "renewal"],
    remediationSteps:
      "Create (or re-create) the DNS validation records the violation lists at your DNS provider so that Lightsail's " +
      "managed renewal completes; otherwise request a new certificate before this one expires.",
    url: DOCS_URL,
    configSchema: {
      properties: {
        stuckStatuses: {
          type: "array",
          items: { type: "string", minLength: 1 },
          minItems: 1,
          default: [...DEFAULT_STUCK_STATUSES],
          description:
            "Renewal statuses that count as stuck, exact and PascalCase (PendingAutoRenewal, PendingValidation, Success, " +
            "Failed, or a newer value). A FAILED renewal validation record always counts.",
        },
        region: regionSchema,
        ...settingsSchema(),
        ...roleSchema(),
      },
    },
    validateResource: async (args, reportViolation) => {
      if (!isCheckedType(args.type)) return;
      const { statuses, problems } = stuckStatusesOf(args.getConfig<RenewalPolicyConfig>());
      if (!statuses) {
        reportViolation(configViolation(RENEWAL_POLICY, problems));
        return;
      }
      let inspections: Inspection[];
      if (args.type === CERTIFICATE_LOOKUP_TYPE) {
        const { settings, role, problems: bad } = settingsOf(args.getConfig<object>());
        if (!settings) {
          reportViolation(configViolation(RENEWAL_POLICY, bad));
          return;
        }
        const props = unwrapProps(args.props);
        const name = readString(props, "name");
        const region = readString(props, "region");
        const renewalStatus = readString(props, "renewalStatus");
        // No renewal (or not known at this preview): nothing to judge, no request.
        if (name.state !== "known" || region.state === "unknown" || renewalStatus.state !== "known") return;
        const resource = `${RESOURCE_LABELS[args.type]} "${args.name}"`;
        const reference: CertificateReference = {
          kind: "account",
          certificateName: name.value,
          ...(region.state === "known" ? { region: region.value } : {}),
          regionReason: "the region the lookup found it in",
          property: "name",
        };
        const found = await lookUp({ resource, reference }, contextFor(settings, role));
        // Found: judged as the lookup found it (no `through name` in the message).
        inspections = [found.outcome === "found" ? { ...found, subject: { resource } } : found];
      } else inspections = await inspect(RENEWAL_POLICY, args, reportViolation);
      for (const inspection of inspections) {
        if (inspection.outcome !== "found") reportFailures(inspection, reportViolation);
        else {
          const message = renewalViolation(inspection.subject, inspection.cert, statuses);
          if (message) reportViolation(message);
        }
      }
    },
  };

  return [expiry, issued, renewal];
}
