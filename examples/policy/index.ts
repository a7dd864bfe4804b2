import * as pulumi from "@pulumi/pulumi";
import { CertificateLookup, type KnownCertificateStatus } from "pulumi-lightsail-certificates";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "example.com";
const statuses = config.getObject<KnownCertificateStatus[]>("statuses") ?? ["ISSUED"];

// No minDaysValid on the lookup: the policy pack is what decides here. The lookup resolves the
// certificate during `check`, so `pulumi preview --policy-pack` already judges it: an
// expiring or not-ISSUED certificate blocks the preview (and the update) before anything runs.
const site = new CertificateLookup("site", { domainName: domain, statuses });

export const certificateName = site.name;
export const certificateStatus = site.status;
export const certificateNotAfter = site.notAfter;
