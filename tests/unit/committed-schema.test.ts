/**
 * The committed schema.json (repository root) is what the code generates: `pluginSchema` with
 * package.json's version, as 2-space JSON with a final newline (scripts/generate-sdks.js writes
 * it; `npm run generate` regenerates it and the SDKs). Its metadata follows package.json, and its
 * language sections name the packages the committed SDKs are published as.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { pluginSchema } from "../../provider/plugin/schema";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
  license: string;
  homepage: string;
  repository: { url: string };
};

describe("the committed schema.json", () => {
  const generated = `${JSON.stringify(pluginSchema(pkg.version), null, 2)}\n`;
  const schema = pluginSchema(pkg.version) as {
    version: string;
    license: string;
    repository: string;
    homepage: string;
    pluginDownloadURL?: string;
    language: {
      python: { packageName: string; respectSchemaVersion: boolean; pyproject: { enabled: boolean } };
      go: { importBasePath: string; respectSchemaVersion: boolean };
      nodejs: { packageName: string; respectSchemaVersion: boolean };
    };
  };

  it("is exactly what pluginSchema(package.json version) generates", () => {
    const committed = fs.readFileSync(path.join(ROOT, "schema.json"), "utf8");
    // Not assert.equal on the texts: the message must say how to fix it, not print 60 kB twice.
    if (committed !== generated) {
      const a = committed.split("\n");
      const b = generated.split("\n");
      const line = a.findIndex((l, i) => l !== b[i]);
      assert.fail(
        `schema.json differs from what provider/plugin/schema.ts generates (first at line ${line + 1}: ` +
          `committed ${JSON.stringify(a[line])}, generated ${JSON.stringify(b[line])}); ` +
          "run `npm run generate` and commit schema.json and sdk/",
      );
    }
  });

  it("carries package.json's version, license, repository and homepage, and no download URL", () => {
    assert.equal(schema.version, pkg.version);
    assert.equal(schema.license, pkg.license);
    assert.equal(schema.repository, pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, ""));
    assert.equal(schema.homepage, pkg.homepage);
    assert.equal(
      schema.pluginDownloadURL,
      undefined,
      "users install the archive with `pulumi plugin install --file`",
    );
  });

  it("names the Python, Go and Node.js packages after the repository, each at the schema's version", () => {
    const repo = schema.repository.replace(/^https:\/\//, "");
    assert.equal(schema.language.python.packageName, "pulumi_lightsail_certificates");
    assert.equal(schema.language.python.pyproject.enabled, true);
    assert.equal(schema.language.go.importBasePath, `${repo}/sdk/go/lightsailcertificates`);
    assert.equal(schema.language.nodejs.packageName, "pulumi-lightsail-certificates");
    for (const language of ["python", "go", "nodejs"] as const)
      assert.equal(schema.language[language].respectSchemaVersion, true, language);
  });
});
