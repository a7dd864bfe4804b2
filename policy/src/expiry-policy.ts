/**
 * `lightsail-certificate-expiry` (mandatory by default): every Lightsail certificate the stack
 * uses stays valid at least `minDaysValid` whole days from now (default 30).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { MAX_MIN_DAYS_VALID } from "../../dist/provider/pack-entry";
import {
  DEFAULT_MIN_DAYS_VALID,
  DOCS_URL,
  EXPIRY_POLICY,
  ExpiryPolicyConfig,
  minDaysValidOf,
  POLICY_TAGS,
  REGION_SCHEMA,
} from "./config";
import type { Inspector } from "./inspect";
import { roleSchema, settingsSchema } from "./settings";
import { CONFIG_HINT, expiryViolation } from "./verdicts";

/** The expiry policy over the pack's shared inspection. */
export function expiryPolicy(inspector: Inspector): ResourceValidationPolicy {
  return {
    name: EXPIRY_POLICY,
    displayName: "Lightsail certificates stay valid long enough",
    description:
      "Lightsail certificates used by the stack (CertificateLookup, distributions, container services, " +
      "load-balancer certificate attachments) must stay valid at least minDaysValid days (default 30).",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: POLICY_TAGS,
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
        region: REGION_SCHEMA,
        ...settingsSchema(),
        ...roleSchema(),
      },
    },
    validateResource: async (args, reportViolation) => {
      const minDaysValid = minDaysValidOf(args.getConfig<ExpiryPolicyConfig>());
      const inspections = await inspector.inspect(EXPIRY_POLICY, args, reportViolation);
      if (inspections.length === 0) return;
      const at = inspector.now();
      for (const inspection of inspections) {
        if (inspection.outcome !== "found") inspector.reportFailures(inspection, reportViolation);
        else {
          const message = expiryViolation(inspection.subject, inspection.cert, minDaysValid, at);
          if (message) reportViolation(message);
        }
      }
    },
  };
}
