import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CertificateLookup } from "pulumi-lightsail-certificates";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "example.com";
// The domains the service answers on (at most 4 per certificate), all covered by the certificate.
const domainNames = config.getObject<string[]>("domainNames") ?? [domain, `www.${domain}`];
const minDaysValid = config.getNumber("minDaysValid") ?? 30;
// A container service uses certificates of its own region. Both take `region` when it is set,
// else the stack's aws:region.
const region = config.get("region");
const image = config.get("image") ?? "public.ecr.aws/nginx/nginx:stable";

// Recorded in the stack: `pulumi preview` shows when the certificate is renewed or replaced, and
// a policy pack can judge it before anything is deployed.
const certificate = new CertificateLookup("service-certificate", {
  domainName: domain,
  subjectAlternativeNames: domainNames,
  minDaysValid,
  ...(region !== undefined ? { region } : {}),
});

const service = new aws.lightsail.ContainerService("web", {
  power: "nano",
  scale: 1,
  region,
  publicDomainNames: {
    certificates: [{ certificateName: certificate.name, domainNames }],
  },
});

new aws.lightsail.ContainerServiceDeploymentVersion("web", {
  serviceName: service.name,
  region,
  containers: [{ containerName: "web", image, ports: { "80": "HTTP" } }],
  publicEndpoint: {
    containerName: "web",
    containerPort: 80,
    healthCheck: { path: "/", successCodes: "200-499" },
  },
});

export const certificateName = certificate.name;
export const certificateArn = certificate.arn;
export const certificateNotAfter = certificate.notAfter;
export const certificateDaysUntilExpiry = certificate.daysUntilExpiry;
export const serviceName = service.name;
export const serviceUrl = service.url;
export const serviceDomains = domainNames;
