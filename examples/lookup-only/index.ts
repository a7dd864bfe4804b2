import * as pulumi from "@pulumi/pulumi";
import {
  CertificateLookup,
  KnownCertificateStatus,
  getCertificateOutput,
  getCertificatesOutput,
} from "pulumi-lightsail-certificates";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "example.com";
const apiCertificate = config.get("apiCertificateName") ?? "api-example-com";
// Statuses the api lookup accepts (ISSUED by default); the policy pack flags any other.
const apiStatuses = config.getObject<KnownCertificateStatus[]>("apiStatuses");

// Recorded in the stack: `pulumi preview` shows when these certificates are renewed or replaced.
const site = new CertificateLookup("site", {
  domainName: domain,
  subjectAlternativeNames: [`www.${domain}`],
});
const api = new CertificateLookup("api", { name: apiCertificate, statuses: apiStatuses });

// Read at every preview and update, recorded nowhere.
const forDistribution = getCertificateOutput({ domainName: domain, region: "us-east-1", minDaysValid: 7 });
const issued = getCertificatesOutput({});

export const siteCertificate = {
  name: site.name,
  arn: site.arn,
  status: site.status,
  serialNumber: site.serialNumber,
  notAfter: site.notAfter,
  daysUntilExpiry: site.daysUntilExpiry,
};
export const apiCertificateName = api.name;
export const apiNotAfter = api.notAfter;
export const distributionCertificateName = forDistribution.name;
export const issuedCertificateNames = issued.certificates.apply((certs) => certs.map((c) => c.name));
