/**
 * Every ```ts block of README.md compiles in a user's program: a project laid out as
 * `pulumi new typescript` lays it out (Pulumi.yaml, package.json with `main: index.ts`, the
 * template's tsconfig.json: strict, no skipLibCheck) with the packed package, @pulumi/pulumi and
 * @pulumi/aws installed by a plain `npm install` (scripts/install-packed.js). Both the template's
 * CommonJS tsconfig (module commonjs, moduleResolution node, until 2026) and its current one
 * (nodenext) are checked. One tsc run per layout: each block is a module file of its own, listed
 * in `files` where the template lists index.ts.
 *
 * A block that is an excerpt declares the names it uses but does not define in an HTML comment
 * right above its fence, which the Markdown hides:
 *
 *     <!-- ts-check-preamble
 *     import * as aws from "@pulumi/aws";
 *     declare const lb: aws.lightsail.Lb;
 *     -->
 *     ```ts
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { copyProgram, REPO_ROOT, useTestPackage } from "../../tools/installed-package";
import { describeResult, runBounded } from "../helpers/run-bounded";

const TSC_TIMEOUT_MS = 4 * 60_000;

interface ReadmeBlock {
  /** 1-based README line of the first line of code (after the fence). */
  line: number;
  code: string;
  /** The `ts-check-preamble` comment's contents right above the fence, if any. */
  preamble: string;
}

/** The ```ts / ```typescript blocks of a Markdown text, each with its preamble. */
function typeScriptBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(```+|~~~+)\s*(\S*)/.exec(lines[i]!);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence[1]);
    if (end < 0) throw new Error(`README.md:${i + 1}: code block never closed`);
    if (["ts", "typescript"].includes(fence[2]!)) {
      let preamble = "";
      if (lines[i - 1]?.trim() === "-->") {
        let start = i - 2;
        while (start >= 0 && !lines[start]!.includes("<!--")) start--;
        const head = lines[start] ?? "";
        if (/^<!--\s*ts-check-preamble\s*$/.test(head.trim()))
          preamble = lines.slice(start + 1, i - 1).join("\n");
        else if (head.includes("ts-check-preamble"))
          throw new Error(
            `README.md:${start + 1}: write the preamble as "<!-- ts-check-preamble", code, "-->"`,
          );
      }
      blocks.push({ line: i + 2, code: lines.slice(i + 1, end).join("\n"), preamble });
    }
    i = end;
  }
  return blocks;
}

const TEMPLATE_OPTIONS = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};

const LAYOUTS = {
  "commonjs (module commonjs, moduleResolution node)": { module: "commonjs", moduleResolution: "node" },
  "nodenext (module nodenext, moduleResolution nodenext)": {
    module: "nodenext",
    moduleResolution: "nodenext",
  },
};

const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const blocks = typeScriptBlocks(readme);

function fileName(index: number): string {
  return `block-${String(index + 1).padStart(2, "0")}.ts`;
}

/** The module text of a block: its preamble, the code, and `export {}` if it has no import/export. */
function moduleText(block: ReadmeBlock): string {
  const text = block.preamble ? `${block.preamble}\n${block.code}\n` : `${block.code}\n`;
  return /^\s*(import|export)\b/m.test(text) ? text : `${text}export {};\n`;
}

/** tsc diagnostics mapped back to README lines. */
function explain(output: string): string {
  return output.replace(/block-(\d+)\.ts[(:](\d+)[,:](\d+)\)?/g, (whole, n: string, l: string, c: string) => {
    const block = blocks[Number(n) - 1];
    if (!block) return whole;
    const preambleLines = block.preamble ? block.preamble.split("\n").length : 0;
    const line = Number(l) - preambleLines;
    return line >= 1
      ? `README.md:${block.line + line - 1}:${c}`
      : `README.md preamble of the block at line ${block.line}, line ${l}:${c}`;
  });
}

describe("README.md TypeScript blocks in a `pulumi new typescript` project", function () {
  this.timeout(TSC_TIMEOUT_MS + 30_000);
  const pkg = useTestPackage("installed");

  it("are found, each excerpt with the preamble right above it", () => {
    assert.ok(blocks.length >= 5, `only ${blocks.length} ts blocks found`);
    assert.ok(
      blocks.some(
        (b) =>
          b.code.includes("getLoadBalancerTlsCertificateOutput") && /declare const lb\b/.test(b.preamble),
      ),
      "the load-balancer excerpt carries its preamble",
    );
    assert.ok(
      blocks.every((b) => b.code.trim() !== ""),
      "an empty ts block",
    );
  });

  for (const [layout, moduleOptions] of Object.entries(LAYOUTS)) {
    it(`compile with the template's tsconfig, ${layout}`, async () => {
      const dir = copyProgram(pkg(), path.join(REPO_ROOT, "examples", "lookup-only"), {
        prefix: "readme",
        only: ["Pulumi.yaml"],
      });
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: "readme-blocks", main: "index.ts" }, null, 2),
      );
      blocks.forEach((block, i) => fs.writeFileSync(path.join(dir, fileName(i)), moduleText(block)));
      fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify(
          {
            compilerOptions: { ...TEMPLATE_OPTIONS, ...moduleOptions },
            files: blocks.map((_, i) => fileName(i)),
          },
          null,
          2,
        ),
      );
      const tsc = pkg().require.resolve("typescript/bin/tsc");
      const r = await runBounded(
        process.execPath,
        [tsc, "--noEmit", "--pretty", "false", "-p", "tsconfig.json"],
        {
          cwd: dir,
          timeoutMs: TSC_TIMEOUT_MS,
        },
      );
      assert.equal(r.timedOut, false, describeResult("tsc", r));
      assert.equal(r.code, 0, explain(describeResult(`tsc (README blocks, ${layout})`, r)));
    });
  }
});
