/**
 * The serialized dynamic providers of `CertificateLookup` and `CertificateValidation`, written
 * without @pulumi/pulumi's closure serializer (issue 19). Each method of those providers only
 * forwards its arguments to one function of `pulumi-lightsail-certificates/provider`, so the
 * text the serializer makes of them is fixed: this module writes the same text, byte for byte,
 * as the serializer wrote it since 0.1.0 (docs/state-contract.md). The serializer costs about
 * 0.5 s on its first use in a process (it opens an inspector session and loads every Node.js
 * built-in module) and sat on the critical path of every preview of a program with a lookup.
 * `tests/unit/provider-text.test.ts` holds this text equal to the serializer's output for the
 * provider objects, and to the text 0.1.0 stored.
 * Internal: not part of the public API.
 */

/** One method of a forwarding provider: `async <method>(<params>) { return require(...).<target>(<params>); }`. */
export interface ForwardedMethod {
  method: string;
  params: readonly string[];
  target: string;
}

const ENTRY = "pulumi-lightsail-certificates/provider";

function methodText(index: number, m: ForwardedMethod): string {
  const placeholders = m.params.map((_, i) => `__${i}`).join(", ");
  const params = m.params.join(", ");
  return `function __f${index}(${placeholders}) {
  return (function() {
    with({ this: undefined, arguments: undefined }) {

return async function /*${m.method}*/(${params}) {
        return require("${ENTRY}").${m.target}(${params});
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}
`;
}

/** The text the closure serializer writes for a provider object made of `methods`. */
export function forwardingProviderText(methods: readonly ForwardedMethod[]): string {
  const table = methods.map((m, i) => `${m.method}: __f${i + 1}`).join(", ");
  const handler = `function __f0() {
  return (function() {
    with({ provider: __provider, this: undefined, arguments: undefined }) {

return () => provider;

    }
  }).apply(undefined, undefined).apply(this, arguments);
}
`;
  return [
    `exports.handler = __f0;\n\nvar __provider = {${table}};\n`,
    ...methods.map((m, i) => methodText(i + 1, m)),
    handler,
  ].join("\n");
}

/** The seven methods of a dynamic provider, their parameters, and the entry point's function each calls. */
export function forwardedMethods(targets: {
  configure: string;
  check: string;
  diff: string;
  create: string;
  update: string;
  read: string;
  delete: string;
}): ForwardedMethod[] {
  const params: Record<keyof typeof targets, string[]> = {
    configure: ["req"],
    check: ["olds", "news"],
    diff: ["id", "olds", "news"],
    create: ["inputs"],
    update: ["id", "olds", "news"],
    read: ["id", "props"],
    delete: ["id", "props"],
  };
  return (Object.keys(params) as Array<keyof typeof targets>).map((method) => ({
    method,
    params: params[method],
    target: targets[method],
  }));
}

/** `__provider` of every CertificateLookup (the text 0.1.0 and 0.2.0 stored). */
export const LOOKUP_PROVIDER_TEXT = forwardingProviderText(
  forwardedMethods({
    configure: "configure",
    check: "check",
    diff: "diff",
    create: "create",
    update: "update",
    read: "read",
    delete: "remove",
  }),
);

/** `__provider` of every CertificateValidation (the text 0.2.0 stored). */
export const VALIDATION_PROVIDER_TEXT = forwardingProviderText(
  forwardedMethods({
    configure: "validationConfigure",
    check: "validationCheck",
    diff: "validationDiff",
    create: "validationCreate",
    update: "validationUpdate",
    read: "validationRead",
    delete: "validationRemove",
  }),
);
