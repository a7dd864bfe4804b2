/**
 * `lightsail-certificate-renewal` (advisory by default): the renewal of every Lightsail
 * certificate the stack uses is not stuck (the rule of lookup/renewal.ts: `stuckStatuses`,
 * default PendingValidation and Failed, or a FAILED renewal validation record).
 *
 * A CertificateLookup's checked inputs hold its `renewalStatus` but not the reason or the
 * renewal's DNS records (adding them to the compared properties would show an update of every
 * lookup whenever Lightsail touched its renewal), so when that status is known the policy reads
 * the certificate by name and region through the lookup layer, as it reads a distribution's; no
 * renewal status: nothing to judge, no request.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import {
  DEFAULT_STUCK_STATUSES,
  DOCS_URL,
  POLICY_TAGS,
  REGION_SCHEMA,
  RENEWAL_POLICY,
  RenewalPolicyConfig,
  stuckStatusesOf,
} from "./config";
import { RESOURCE_LABELS, type Inspection, type Inspector } from "./inspect";
import { CertificateReference, isCertificateLookupType, isCheckedType } from "./references";
import { roleSchema, settingsOf, settingsSchema } from "./settings";
import { readString, unwrapProps } from "./unknowns";
import { configViolation, renewalViolation } from "./verdicts";

/** The renewal policy over the pack's shared inspection. */
export function renewalPolicy(inspector: Inspector): ResourceValidationPolicy {
  return {
    name: RENEWAL_POLICY,
    displayName: "Lightsail certificate renewals are not stuck",
    description:
      "The renewal of Lightsail certificates used by the stack (CertificateLookup, distributions, container services, " +
      "load-balancer certificate attachments) must not be stuck: renewalStatus in stuckStatuses (default " +
      "PendingValidation, Failed) or a FAILED renewal validation record.",
    enforcementLevel: "advisory",
    severity: "medium",
    tags: [...POLICY_TAGS, "renewal"],
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
        region: REGION_SCHEMA,
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
      if (isCertificateLookupType(args.type)) {
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
        const found = await inspector.lookUp({ resource, reference }, inspector.contextFor(settings, role));
        // Found: judged as the lookup found it (no `through name` in the message).
        inspections = [found.outcome === "found" ? { ...found, subject: { resource } } : found];
      } else inspections = await inspector.inspect(RENEWAL_POLICY, args, reportViolation);
      for (const inspection of inspections) {
        if (inspection.outcome !== "found") inspector.reportFailures(inspection, reportViolation);
        else {
          const message = renewalViolation(inspection.subject, inspection.cert, statuses);
          if (message) reportViolation(message);
        }
      }
    },
  };
}
