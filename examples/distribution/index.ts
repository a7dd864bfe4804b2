import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { getCertificateOutput } from "pulumi-lightsail-certificates";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "example.com";
const alternativeDomains = config.getObject<string[]>("alternativeDomains") ?? [`www.${domain}`];
const minDaysValid = config.getNumber("minDaysValid") ?? 30;
const distributionBundleId = config.get("distributionBundleId") ?? "small_1_0";

// Every Lightsail distribution lives in us-east-1, so its certificate must be there too,
// whatever the stack's aws:region. The lookup fails the deployment when no ISSUED certificate
// covers all the domains, or when the one found expires within minDaysValid days.
const certificate = getCertificateOutput({
  domainName: domain,
  subjectAlternativeNames: alternativeDomains,
  region: "us-east-1",
  minDaysValid,
});

// The origin: a bucket in the stack's region (aws:region).
const bucket = new aws.lightsail.Bucket("origin", { bundleId: "small_1_0" });

// Attaching the certificate makes its domains the distribution's alternate domain names; point
// DNS (CNAME or alias) for each of them at `distributionDomainName`.
const distribution = new aws.lightsail.Distribution("cdn", {
  region: "us-east-1",
  bundleId: distributionBundleId,
  origin: { name: bucket.name, regionName: bucket.region },
  defaultCacheBehavior: { behavior: "cache" },
  cacheBehaviorSettings: {
    allowedHttpMethods: "GET,HEAD,OPTIONS",
    cachedHttpMethods: "GET,HEAD",
    forwardedCookies: { option: "none" },
    forwardedHeaders: { option: "default" },
    forwardedQueryStrings: { option: false },
  },
  certificateName: certificate.name,
});

export const certificateName = certificate.name;
export const certificateArn = certificate.arn;
export const certificateNotAfter = certificate.notAfter;
export const certificateDaysUntilExpiry = certificate.daysUntilExpiry;
export const servedDomains = certificate.subjectAlternativeNames;
export const distributionName = distribution.name;
export const distributionDomainName = distribution.domainName;
