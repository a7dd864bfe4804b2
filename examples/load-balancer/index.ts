import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { getLoadBalancerTlsCertificateOutput } from "pulumi-lightsail-certificates";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "example.com";
const alternativeDomains = config.getObject<string[]>("alternativeDomains") ?? [`www.${domain}`];
const loadBalancerName = config.get("loadBalancerName") ?? "web-lb";
const certificateName = config.get("certificateName") ?? `${loadBalancerName}-${domain.replace(/\./g, "-")}`;
// false when the certificate was created on the load balancer earlier (console, CLI, another stack).
const createCertificate = config.getBoolean("createCertificate") ?? true;
// false until the certificate is validated (ISSUED): see README.md.
const attach = config.getBoolean("attach") ?? true;
const minDaysValid = config.getNumber("minDaysValid") ?? 30;

// In the stack's region (aws:region); the lookup below reads the same region.
const lb = new aws.lightsail.Lb("web", { name: loadBalancerName, instancePort: 80, healthCheckPath: "/" });

// Load balancers use certificates of their own (not the account's Lightsail certificates),
// created on the load balancer and validated through DNS records.
const requested = createCertificate
  ? new aws.lightsail.LbCertificate("web", {
      lbName: lb.name,
      name: certificateName,
      domainName: domain,
      subjectAlternativeNames: alternativeDomains,
    })
  : undefined;

// The load balancer's ISSUED certificate for the domain: a pending one (not validated yet, or a
// new one being validated) is never picked. The lookup waits until the load balancer and the
// certificate exist, so the preview of a first deployment does not read a load balancer that is
// not there yet.
const issued = attach
  ? getLoadBalancerTlsCertificateOutput(
      { loadBalancerName: lb.name, domainName: domain, minDaysValid },
      { dependsOn: requested ? [lb, requested] : [lb] },
    )
  : undefined;

const attachment = issued
  ? new aws.lightsail.LbCertificateAttachment("web", { lbName: lb.name, certificateName: issued.name })
  : undefined;

export const loadBalancerDnsName = lb.dnsName;
// The CNAME records to create so that the requested certificate becomes ISSUED.
export const validationRecords = requested ? requested.domainValidationRecords : [];
export const attachedCertificate =
  attachment && issued
    ? {
        name: attachment.certificateName,
        domains: issued.subjectAlternativeNames,
        notAfter: issued.notAfter,
        daysUntilExpiry: issued.daysUntilExpiry,
      }
    : null;
