/**
 * Entry point the CertificateLookup dynamic provider loads inside the Pulumi dynamic-provider
 * host (`require("pulumi-lightsail-certificates/provider")`). Not a public API.
 * @internal
 */
export { check, configure, create, diff, read, remove, update, setLookupContext } from "./dynamic";

/*
 * The lookup layer, for this repository's policy pack (policy/), which loads the built package
 * through this entry point so that it needs neither `@pulumi/pulumi` nor a copy of the code.
 * Not a public API either: it changes with the package.
 */
export { createLookupContext } from "./context";
export type { Connection, LookupContext, LookupContextOptions } from "./context";
export { findCertificate, findCertificateByQuery, listCertificates } from "./lookup";
export { findLoadBalancerCertificate } from "./load-balancer";
export { daysUntil } from "./normalize";
export { KNOWN_CERTIFICATE_STATUSES } from "./types";
export type { Certificate, LoadBalancerTlsCertificate } from "./types";
