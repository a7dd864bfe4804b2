/**
 * `lightsail-certificate-issued` (mandatory by default): every Lightsail certificate the stack
 * uses has the status ISSUED.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS_URL, ISSUED_POLICY, POLICY_TAGS, REGION_SCHEMA } from "./config";
import type { Inspector } from "./inspect";
import { roleSchema, settingsSchema } from "./settings";
import { statusViolation } from "./verdicts";

/** The ISSUED policy over the pack's shared inspection. */
export function issuedPolicy(inspector: Inspector): ResourceValidationPolicy {
  return {
    name: ISSUED_POLICY,
    displayName: "Lightsail certificates are ISSUED",
    description:
      "Lightsail certificates used by the stack (CertificateLookup, distributions, container services, " +
      "load-balancer certificate attachments) must have the status ISSUED.",
    enforcementLevel: "mandatory",
    severity: "high",
    tags: POLICY_TAGS,
    remediationSteps:
      "Finish the certificate's DNS validation, request a new certificate, or point the resource at an ISSUED certificate.",
    url: DOCS_URL,
    configSchema: { properties: { region: REGION_SCHEMA, ...settingsSchema(), ...roleSchema() } },
    validateResource: async (args, reportViolation) => {
      for (const inspection of await inspector.inspect(ISSUED_POLICY, args, reportViolation)) {
        if (inspection.outcome !== "found") inspector.reportFailures(inspection, reportViolation);
        else {
          const message = statusViolation(inspection.subject, inspection.cert, inspection.note);
          if (message) reportViolation(message);
        }
      }
    },
  };
}
