/**
 * Entry point the CertificateLookup dynamic provider loads inside the Pulumi dynamic-provider
 * host (`require("pulumi-lightsail-certificates/provider")`). Not a public API.
 * @internal
 */
export { check, configure, create, diff, read, remove, update, setLookupContext } from "./dynamic";
