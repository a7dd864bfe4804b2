/**
 * What a dynamic provider takes from the stack's config when the host calls `configure`: the
 * stack's `aws:region` (a link of the region chain) and `aws:profile`. One definition for the
 * CertificateLookup and CertificateValidation providers.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { LookupContext } from "../lookup/context";

/** Puts the stack's `aws:region` and `aws:profile` into `ctx`'s connection (unset ones leave it as it is). */
export function applyStackConfig(ctx: LookupContext, req: dynamic.ConfigureRequest): void {
  const region = req.config.get("aws:region");
  const profile = req.config.get("aws:profile");
  ctx.connection = {
    ...ctx.connection,
    ...(region ? { configRegion: region } : {}),
    ...(profile ? { profile } : {}),
  };
}
