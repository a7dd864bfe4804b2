/**
 * The committed schema.json and sdk/python, sdk/go, sdk/nodejs are exactly what the code
 * generates: `node scripts/generate-sdks.js --check` regenerates each language from the built
 * schema with the pkg/codegen of the pinned Pulumi version (cached by the hash of schema and
 * generator, so a warm run takes about a second) and compares the file trees. And the comparison
 * itself sees a changed, a missing and an extra file.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT, runBounded } from "./sdk-run";

const { diffTrees } = require("../../scripts/generate-sdks") as {
  diffTrees(expected: string, actual: string): string[];
};

describe("the committed schema and SDKs", function () {
  this.timeout(10 * 60_000);

  it("are what `npm run generate` writes (generate-sdks.js --check passes)", async () => {
    // runBounded rejects with the output's tail, which names every differing file.
    await runBounded(process.execPath, [path.join(REPO_ROOT, "scripts", "generate-sdks.js"), "--check"], {
      cwd: REPO_ROOT,
      timeoutMs: 9 * 60_000,
    });
  });

  it("the tree comparison names changed, missing and extra files", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lsc-diff-"));
    try {
      const a = path.join(tmp, "a");
      const b = path.join(tmp, "b");
      for (const dir of [a, b]) fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
      fs.writeFileSync(path.join(a, "same.ts"), "x");
      fs.writeFileSync(path.join(b, "same.ts"), "x");
      assert.deepEqual(diffTrees(a, b), []);
      fs.writeFileSync(path.join(a, "sub", "changed.go"), "1");
      fs.writeFileSync(path.join(b, "sub", "changed.go"), "2");
      fs.writeFileSync(path.join(a, "gone.py"), "");
      fs.writeFileSync(path.join(b, "extra.py"), "");
      assert.deepEqual(diffTrees(a, b).sort(), ["differs sub/changed.go", "extra extra.py", "missing gone.py"]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
