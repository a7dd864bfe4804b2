/**
 * `pulumi-lightsail-certificates/internal/test-hooks`: what this repository's tests inject into
 * the providers of an installed package (clocks, clients, progress output), the same module
 * instances the `/provider` entry point serves. Not a public API: it changes with the package.
 */
export { setLookupContext } from "./dynamic";
export { setValidationContext } from "./validation-resource";
