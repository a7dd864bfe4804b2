import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CertificateValidation } from "pulumi-lightsail-certificates";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "example.com";
const alternativeDomains = config.getObject<string[]>("alternativeDomains") ?? [`www.${domain}`];
const zoneId = config.require("zoneId"); // the Route 53 hosted zone of `domain`
const timeoutMinutes = config.getNumber("timeoutMinutes") ?? 45;

// 1. Request the certificate. Distributions live in us-east-1, so their certificates do too.
const certificate = new aws.lightsail.Certificate("site", {
  region: "us-east-1",
  name: domain.replace(/\./g, "-"),
  domainName: domain,
  subjectAlternativeNames: alternativeDomains,
});

// 2. One DNS record per domain, from the certificate's validation options. The domains are known
//    when the program runs, so the records are declared up front and filled in once Lightsail
//    has answered the request.
const records = [domain, ...alternativeDomains].map((name, i) => {
  const option = certificate.domainValidationOptions.apply((options) => {
    const found = options.find((o) => o.domainName === name);
    if (!found) throw new Error(`Lightsail gave no validation record for ${name}`);
    return found;
  });
  return new aws.route53.Record(`validation-${i}`, {
    zoneId,
    name: option.resourceRecordName,
    type: option.resourceRecordType,
    records: [option.resourceRecordValue],
    ttl: 300,
    allowOverwrite: true,
  });
});

// 3. Wait, during `pulumi up`, until Lightsail has validated every domain and ISSUED the
//    certificate (at most timeoutMinutes; a failed request fails the update with its reason).
const issued = new CertificateValidation(
  "site",
  { certificateName: certificate.name, region: "us-east-1", timeoutMinutes },
  { dependsOn: records },
);

// 4. Attach it: `issued.name` is known only once the certificate is ISSUED, so the distribution
//    is created after the wait.
const bucket = new aws.lightsail.Bucket("origin", { bundleId: "small_1_0" });
const distribution = new aws.lightsail.Distribution("cdn", {
  region: "us-east-1",
  bundleId: "small_1_0",
  origin: { name: bucket.name, regionName: bucket.region },
  defaultCacheBehavior: { behavior: "cache" },
  certificateName: issued.name,
});

export const certificateName = issued.name;
export const certificateStatus = issued.status;
export const certificateNotAfter = issued.notAfter;
export const distributionDomainName = distribution.domainName;
