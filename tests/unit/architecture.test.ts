/**
 * The rooms of the code and what each may use (README, "Map of the code"). Data flows one way:
 * lightsail/ (the wire) -> lookup/ (the rules) -> provider/ (the engine side) and api/ (what users
 * call) -> policy/ and gate/ on top; emulator/ stands beside, using the wire's model at most.
 * Read from the import statements of the files, so a wrong-way import fails here.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");

/** Room -> the rooms (and packages) it may import from. */
const MAY_USE: Record<string, { rooms: string[]; forbidPackages?: string[] }> = {
  lightsail: { rooms: [], forbidPackages: ["@pulumi/pulumi", "@pulumi/policy"] },
  lookup: { rooms: ["lightsail"], forbidPackages: ["@pulumi/pulumi", "@pulumi/policy"] },
  provider: { rooms: ["lookup", "lightsail"], forbidPackages: ["@pulumi/policy"] },
  // The provider plugin: the engine side too, on the same resource logic as the dynamic provider.
  "provider/plugin": { rooms: ["provider", "lookup", "lightsail"], forbidPackages: ["@pulumi/policy"] },
  api: { rooms: ["provider", "lookup", "lightsail"], forbidPackages: ["@pulumi/policy"] },
  gate: { rooms: ["lookup", "lightsail"], forbidPackages: ["@pulumi/pulumi", "@pulumi/policy"] },
  emulator: { rooms: ["lightsail"], forbidPackages: ["@pulumi/pulumi", "@pulumi/policy"] },
  // The pack ships inside the package (policy/bin, built from policy/src): it reaches the package
  // only through the built internal entry point dist/provider/pack-entry (see the last case).
  policy: { rooms: ["dist"], forbidPackages: ["@pulumi/pulumi"] },
};

/**
 * Outside the product: tools/ holds what tests, bench and the demo share (the Pulumi workspace
 * harness, the package under test, the demo's stack), and imports none of them back; the bench
 * and the demo import no test. Folder (or file) -> the folders it must not import from.
 */
const MUST_NOT_USE: Record<string, string[]> = {
  tools: ["tests", "bench", "scripts/demo.ts"],
  bench: ["tests", "scripts/demo.ts"],
  "scripts/demo.ts": ["tests", "bench"],
};

/** The most lines a product file may have (a longer one holds two concepts: split it). */
const MAX_PRODUCT_FILE_LINES = 300;

/**
 * The most lines of its own a product function may have (a longer one does more than one step:
 * split it). A function nested in another counts as one line of its parent and is measured alone.
 */
const MAX_FUNCTION_LINES = 60;

/** Every function of a file longer than {@link MAX_FUNCTION_LINES} lines of its own, as `file:line name (N lines)`. */
function longFunctions(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const span = (node: ts.Node) => lineOf(node.getEnd()) - lineOf(node.getStart(source)) + 1;
  const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isAccessor(node);
  const ownLines = (fn: ts.Node) => {
    let lines = span(fn);
    const visit = (node: ts.Node): void => {
      if (isFunction(node)) lines -= span(node) - 1;
      else ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn, visit);
    return lines;
  };
  // An arrow function or function expression takes the name of what it is assigned to.
  const nameOf = (fn: ts.FunctionLikeDeclaration) => {
    const holder =
      fn.name ??
      (ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent)
        ? fn.parent.name
        : undefined);
    return holder?.getText(source) ?? "(anonymous)";
  };
  const long: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunction(node)) {
      const lines = ownLines(node);
      if (lines > MAX_FUNCTION_LINES) {
        const where = `${path.relative(ROOT, file)}:${lineOf(node.getStart(source)) + 1}`;
        long.push(`${where} ${nameOf(node)} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

/** The room of a path relative to ROOT: the longest room of {@link MAY_USE} that holds it, else its top folder. */
function roomOf(rel: string): string {
  const parts = rel.split(path.sep);
  for (let n = parts.length - 1; n > 0; n--) {
    const candidate = parts.slice(0, n).join("/");
    if (MAY_USE[candidate]) return candidate;
  }
  return parts[0];
}

/** The source files of a room (not those of a room nested in it). */
function sourceFiles(room: string): string[] {
  const dir = path.join(ROOT, room);
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.split(path.sep).includes("node_modules"))
    .map((f) => path.join(dir, f))
    .filter((f) => roomOf(path.relative(ROOT, f)) === room);
}

/** Every module specifier a file imports, requires or re-exports. */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom|\brequire\(|\bimport\(|\bimport)\s*["']([^"']+)["']/g))
    found.push(m[1]);
  return found;
}

describe("architecture: rooms and the direction of imports", () => {
  for (const [room, rule] of Object.entries(MAY_USE)) {
    it(`${room}/ uses only ${rule.rooms.length ? rule.rooms.map((r) => `${r}/`).join(", ") : "nothing of ours"}`, () => {
      const wrong: string[] = [];
      for (const file of sourceFiles(room)) {
        for (const spec of specifiers(file)) {
          if (spec.startsWith(".")) {
            const target = path.relative(ROOT, path.resolve(path.dirname(file), spec));
            const targetRoom = roomOf(target);
            if (targetRoom !== room && !rule.rooms.includes(targetRoom))
              wrong.push(`${path.relative(ROOT, file)} imports ${spec}`);
          } else if (rule.forbidPackages?.some((p) => spec === p || spec.startsWith(`${p}/`))) {
            wrong.push(`${path.relative(ROOT, file)} imports ${spec}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  }

  for (const [from, forbidden] of Object.entries(MUST_NOT_USE)) {
    it(`${from} imports nothing from ${forbidden.join(", ")}`, () => {
      const start = path.join(ROOT, from);
      const files = fs.statSync(start).isFile()
        ? [start]
        : fs
            .readdirSync(start, { recursive: true, encoding: "utf8" })
            .filter((f) => /\.(ts|js)$/.test(f))
            .map((f) => path.join(start, f));
      assert.ok(files.length > 0, `no files in ${from}`);
      const wrong = files.flatMap((file) =>
        specifiers(file)
          .filter((spec) => spec.startsWith("."))
          .map((spec) =>
            path
              .relative(ROOT, path.resolve(path.dirname(file), spec))
              .split(path.sep)
              .join("/"),
          )
          .filter((target) =>
            forbidden.some((f) => target === f.replace(/\.ts$/, "") || target.startsWith(`${f}/`)),
          )
          .map((target) => `${path.relative(ROOT, file)} imports ${target}`),
      );
      assert.deepEqual(wrong, []);
    });
  }

  it("the wire layer is the only room that sends Lightsail commands", () => {
    const senders = Object.keys(MAY_USE)
      .filter((room) => room !== "emulator")
      .flatMap(sourceFiles)
      .filter((file) =>
        /\b\w+Command\b/.test(fs.readFileSync(file, "utf8").replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")),
      )
      .map((file) => path.relative(ROOT, file).split(path.sep)[0]);
    assert.deepEqual([...new Set(senders)], ["lightsail"]);
  });

  it("no product file holds more than one concept's worth: 300 lines at most", () => {
    const long = Object.keys(MAY_USE)
      .filter((room) => room !== "emulator")
      .flatMap(sourceFiles)
      .map(
        (file) => [path.relative(ROOT, file), fs.readFileSync(file, "utf8").split("\n").length - 1] as const,
      )
      .filter(([, lines]) => lines > MAX_PRODUCT_FILE_LINES)
      .map(([file, lines]) => `${file} (${lines} lines)`);
    assert.deepEqual(long, []);
  });

  it(`no product function does more than one step: ${MAX_FUNCTION_LINES} lines of its own at most`, () => {
    const rooms = Object.keys(MAY_USE).filter((room) => room !== "emulator");
    assert.deepEqual(rooms.flatMap(sourceFiles).flatMap(longFunctions), []);
  });

  it("the function measure counts a function's own lines, a nested one as one line", () => {
    const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "lsc-arch-"));
    try {
      const file = path.join(dir, "sample.ts");
      const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join("\n");
      // outer: 2 + 40 + 1 (inner, as one line) lines; inner: 2 + 59 = 61 lines.
      fs.writeFileSync(
        file,
        `function outer() {\n${body(40)}\n  const inner = () => {\n${body(59)}\n  };\n}\n` +
          `function exact() {\n${body(58)}\n}\n`,
      );
      assert.deepEqual(
        longFunctions(file).map((f) => f.replace(/^.*sample\.ts/, "sample.ts")),
        ["sample.ts:42 inner (61 lines)"],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("index.ts exports only from what users call and the model, never the engine side", () => {
    const wrong = specifiers(path.join(ROOT, "index.ts")).filter(
      (s) => !/^\.\/(api|lightsail)(\/|$)/.test(s),
    );
    assert.deepEqual(wrong, []);
  });

  it("the /provider entry point exports the state contract and nothing else", () => {
    const entry = require("../../provider") as Record<string, unknown>;
    const methods = ["check", "configure", "create", "diff", "read", "remove", "update"];
    const validation = methods.map((m) => `validation${m[0].toUpperCase()}${m.slice(1)}`);
    assert.deepEqual(Object.keys(entry).sort(), ["STATE_CONTRACT_VERSION", ...methods, ...validation].sort());
  });

  it("the policy pack reaches the package only through the built internal entry point, never by its name", () => {
    const outside = sourceFiles("policy").flatMap((file) =>
      specifiers(file)
        .map((spec) =>
          spec.startsWith(".")
            ? path
                .relative(ROOT, path.resolve(path.dirname(file), spec))
                .split(path.sep)
                .join("/")
            : spec,
        )
        .filter((target) => target.startsWith("dist/") || target.startsWith("pulumi-lightsail-certificates")),
    );
    assert.ok(outside.length > 0);
    assert.deepEqual([...new Set(outside)], ["dist/provider/pack-entry"]);
  });
});
