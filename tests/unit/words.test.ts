/**
 * Every word of the public surface is written once: the request settings' meanings live in
 * `LOOKUP_SETTING_MEANINGS` (lightsail/settings.ts) and each other place that shows them is made
 * from it or checked against it here (TSDoc, plugin schema, policy config schema, gate usage). A copy that drifts turns this red.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describeSetting, LOOKUP_SETTING_MEANINGS, type LookupSettings } from "../../lightsail/settings";
import { pluginSchema } from "../../provider/plugin/schema";
import { settingsSchema } from "../../policy/src/settings";
import { SETTING_FLAGS, USAGE } from "../../gate/usage";

const ROOT = path.join(__dirname, "..", "..");
const NAMES = Object.keys(LOOKUP_SETTING_MEANINGS) as (keyof LookupSettings)[];
const squash = (text: string) => text.replace(/\s*\n\s*\*?\s*/g, " ").replace(/\s+/g, " ");

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
});
