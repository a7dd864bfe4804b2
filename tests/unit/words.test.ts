/**
 * Every word of the public surface is written once: the request settings' meanings live in
 * `LOOKUP_SETTING_MEANINGS` (lightsail/settings.ts) and each other place that shows them is made
 * from it or checked against it here (TSDoc, plugin schema, policy config schema, gate usage).
 * The words of the certificate fields and of the search arguments live in the plugin schema's
 * property tables (provider/plugin/schema-properties.ts, from which every generated SDK takes
 * them); the TSDoc of the Node.js surface opens with them, and may add what holds only there.
 * A copy that drifts turns this red.
 */
import { strict as assert } from "node:assert";
import * as ts from "typescript";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeSetting, LOOKUP_SETTING_MEANINGS, type LookupSettings } from "../../lightsail/settings";
import {
  CERTIFICATE_ARGUMENT_SPECS,
  CERTIFICATE_FIELD_SPECS,
  LOAD_BALANCER_ARGUMENT_SPECS,
  pluginSchema,
  type PropertySpec,
} from "../../provider/plugin/schema";
import { settingsSchema } from "../../policy/src/settings";
import { SETTING_FLAGS, USAGE } from "../../gate/usage";

const ROOT = path.join(__dirname, "..", "..");
const NAMES = Object.keys(LOOKUP_SETTING_MEANINGS) as (keyof LookupSettings)[];
const squash = (text: string) => text.replace(/\s*\n\s*\*?\s*/g, " ").replace(/\s+/g, " ");

/** The TSDoc text (tags left out) of each member of an interface or class of a source file. */
function memberDocs(file: string, owner: string): Record<string, string> {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const docs: Record<string, string> = {};
  const visit = (node: ts.Node): void => {
    if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name?.text === owner)
      for (const member of node.members) {
        const doc = ts.getJSDocCommentsAndTags(member).find(ts.isJSDoc);
        if (member.name && doc)
          docs[member.name.getText(source)] = squash(ts.getTextOfJSDocComment(doc.comment) ?? "");
      }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return docs;
}

/** The members of `owner` in `file` whose TSDoc does not open with the schema's words, as `name: TSDoc`. */
function drifted(
  file: string,
  owner: string,
  specs: Readonly<Record<string, PropertySpec>>,
  except: string[] = [],
) {
  const docs = memberDocs(file, owner);
  return Object.entries(specs)
    .filter(([name]) => !except.includes(name))
    .filter(([name, spec]) => !(docs[name] ?? "").startsWith(spec.description ?? "<none>"))
    .map(([name]) => `${file} ${owner}.${name}: ${docs[name] ?? "(no TSDoc)"}`);
}

describe("the words of the public surface, written once", () => {
  it("the TSDoc of each LookupSettings field opens with that setting's meaning", () => {
    const source = fs.readFileSync(path.join(ROOT, "lightsail", "settings.ts"), "utf8");
    const body = source.slice(source.indexOf("export interface LookupSettings"));
    for (const name of NAMES) {
      const doc = body.match(new RegExp(`/\\*\\*((?:(?!\\*/)[^])*)\\*/\\s*${name}\\?:`))?.[1];
      assert.ok(doc, `TSDoc of ${name}`);
      assert.ok(
        squash(doc).trim().startsWith(LOOKUP_SETTING_MEANINGS[name]),
        `TSDoc of ${name} says: ${squash(doc).trim()}`,
      );
    }
  });

  it("the plugin schema describes each setting with describeSetting, in config and LookupSettings", () => {
    const schema = pluginSchema("0.0.0") as {
      config: { variables: Record<string, { description: string }> };
      types: Record<string, { properties: Record<string, { description: string }> }>;
    };
    const type = schema.types["lightsail-certificates:index:LookupSettings"];
    for (const name of NAMES) {
      assert.equal(schema.config.variables[name].description, describeSetting(name));
      assert.equal(type.properties[name].description, describeSetting(name));
    }
  });

  it("the policy pack's config schema describes each setting with describeSetting", () => {
    const schema = settingsSchema();
    for (const name of NAMES) assert.equal(schema[name].description, describeSetting(name));
  });

  it("the gate's usage describes each request flag with describeSetting, after the flag", () => {
    const flat = USAGE.replace(/\s+/g, " ");
    for (const [flag, name] of Object.entries(SETTING_FLAGS))
      assert.ok(flat.includes(`${flag} N ${describeSetting(name)}`), `usage of ${flag}: ${flat}`);
    assert.deepEqual(Object.values(SETTING_FLAGS).sort(), [...NAMES].sort(), "a flag for every setting");
  });

  it("the TSDoc of each certificate field, in the model and on the resources, opens with the schema's words", () => {
    assert.deepEqual(
      [
        ...drifted("lightsail/types.ts", "Certificate", CERTIFICATE_FIELD_SPECS),
        ...drifted("api/certificate-resource.ts", "CertificateResource", CERTIFICATE_FIELD_SPECS),
      ],
      [],
    );
  });

  it("the TSDoc of each search argument opens with the schema's words (the region aside)", () => {
    // The region resolves differently on each surface: the Node.js functions read `opts.provider`
    // and the stack's `aws:region`, the plugin its own provider's `region`.
    assert.deepEqual(
      [
        ...drifted("api/getCertificate.ts", "GetCertificateArgs", CERTIFICATE_ARGUMENT_SPECS, ["region"]),
        ...drifted(
          "api/getLoadBalancerTlsCertificate.ts",
          "GetLoadBalancerTlsCertificateArgs",
          LOAD_BALANCER_ARGUMENT_SPECS,
        ),
      ],
      [],
    );
  });

  it("the check of the words sees a TSDoc that drifts", () => {
    const docs = memberDocs("lightsail/types.ts", "Certificate");
    assert.equal(docs.arn, CERTIFICATE_FIELD_SPECS.arn.description);
    const changed = {
      ...CERTIFICATE_FIELD_SPECS,
      arn: { ...CERTIFICATE_FIELD_SPECS.arn, description: "The ARN." },
    };
    assert.deepEqual(drifted("lightsail/types.ts", "Certificate", changed), [
      "lightsail/types.ts Certificate.arn: The certificate ARN.",
    ]);
  });
});
