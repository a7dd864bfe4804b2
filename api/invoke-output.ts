/**
 * The Output form of a lookup: runs once every argument is known and every `dependsOn`
 * resource has been created; stays unknown (never fails) while anything is unknown at preview.
 * Internal: not part of the public API (no "internal" doc tag here: on a file header it would
 * strip the first import from the emitted declarations).
 */
import * as pulumi from "@pulumi/pulumi";
import { awsProviderOf, providerConnectionOutput } from "./aws-provider";

function dependencyOutputs(dependsOn: pulumi.InvokeOutputOptions["dependsOn"]): pulumi.Output<unknown[]> {
  if (dependsOn === undefined) return pulumi.output([]);
  return pulumi
    .output(dependsOn as pulumi.Input<pulumi.Input<pulumi.Resource>[] | pulumi.Input<pulumi.Resource>>)
    .apply((deps) => {
      const list = (Array.isArray(deps) ? deps : [deps]) as pulumi.Resource[];
      const waits: pulumi.Output<unknown>[] = [];
      for (const resource of list) {
        if (!resource) continue;
        waits.push(resource.urn);
        if (pulumi.CustomResource.isInstance(resource)) waits.push(resource.id);
      }
      return pulumi.all(waits);
    });
}

/** The connection of an aws.Provider in `opts`, waited on so that an unknown region keeps the result unknown. */
function providerOutput(opts: pulumi.InvokeOptions): pulumi.Output<unknown> {
  const provider = awsProviderOf(opts);
  return provider ? providerConnectionOutput(provider) : pulumi.output(undefined);
}

/**
 * Runs `fn` with the plain arguments once they, `opts.dependsOn` and the region and profile of
 * `opts.provider` are known. Secret arguments make the result secret.
 */
export function invokeOutput<A, R>(
  args: pulumi.Input<A> | undefined,
  opts: pulumi.InvokeOutputOptions | undefined,
  fn: (plain: pulumi.Unwrap<A> | undefined, opts: pulumi.InvokeOptions | undefined) => Promise<R>,
): pulumi.Output<R> {
  const { dependsOn, ...invokeOpts } = opts ?? {};
  return pulumi
    .all([pulumi.output(args), dependencyOutputs(dependsOn), providerOutput(invokeOpts)])
    .apply(([plain]) => fn(plain as pulumi.Unwrap<A> | undefined, invokeOpts)) as pulumi.Output<R>;
}
