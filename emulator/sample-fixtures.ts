/**
 * The built-in fixtures `npm run emulator` serves when no `--fixtures` file is given: a few
 * certificates in two regions, in several states, and a load balancer with two certificates.
 */
import { makeCertificate, makeLoadBalancerTlsCertificate } from "./builders";
import type { FixtureDocument } from "./fixtures";

/** A small, realistic fixture document. @internal */
export function sampleFixtures(): FixtureDocument {
  return {
    certificates: [
      makeCertificate({
        name: "www-example-com",
        domainName: "www.example.com",
        subjectAlternativeNames: ["example.com"],
        notBefore: "2026-06-01T00:00:00Z",
        inUseResourceCount: 1,
        tags: [{ key: "env", value: "prod" }],
      }),
      makeCertificate({
        name: "api-example-com",
        domainName: "api.example.com",
        notBefore: "2025-12-20T00:00:00Z",
        renewalSummary: {
          renewalStatus: "PendingAutoRenewal",
          renewalStatusReason: "The certificate expires soon and Lightsail is renewing it.",
          updatedAt: "2026-11-20T08:00:00Z",
        },
        tags: [{ key: "env", value: "prod" }],
      }),
      makeCertificate({
        name: "old-example-com",
        domainName: "old.example.com",
        status: "EXPIRED",
        notBefore: "2024-01-01T00:00:00Z",
      }),
      makeCertificate({
        name: "new-example-com",
        domainName: "new.example.com",
        status: "PENDING_VALIDATION",
      }),
      makeCertificate({
        region: "eu-west-1",
        name: "shop-example-eu",
        domainName: "shop.example.eu",
        subjectAlternativeNames: ["www.shop.example.eu"],
        notBefore: "2026-09-15T00:00:00Z",
      }),
    ],
    loadBalancerTlsCertificates: [
      makeLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        name: "web-lb-cert",
        domainName: "lb.example.com",
        isAttached: true,
        notBefore: "2026-05-01T00:00:00Z",
        renewalSummary: { renewalStatus: "SUCCESS", domainValidationOptions: [] },
      }),
      makeLoadBalancerTlsCertificate({
        loadBalancerName: "web-lb",
        name: "web-lb-cert-next",
        domainName: "lb.example.com",
        status: "PENDING_VALIDATION",
      }),
    ],
  };
}
