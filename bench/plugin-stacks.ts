/**
 * The stacks of `npm run bench:plugin` (issue 15, issue 19), shared with bench/profile-preview.ts:
 * YAML programs over the provider plugin installed from its archive (the bundled path users
 * get), and the TypeScript program of bench/program.ts with the dynamic CertificateLookup or the
 * plugin's generated SDK (`pulumi-lightsail-certificates/plugin`).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PulumiWorkspace } from "../tools/harness";
import { BENCH_DIR, REPO_ROOT } from "./child";
import { benchDomain } from "./fixtures";
import { writeBenchProgram } from "./program";

const TMP = path.join(BENCH_DIR, ".tmp");

/** One stack of the plugin bench. */
export interface BenchStackSpec {
  /** Short name (profile directories, `--only`). */
  key: string;
  label: string;
  /** Resources besides the stack: lookups of any kind. */
  count: number;
  dir: string;
  config: Record<string, string>;
  /** Whether the stack needs the plugin installed. */
  plugin: boolean;
  /** The key of the stack whose preview this one is compared with (the empty one of its language). */
  reference: string;
}

function yamlProgram(dir: string, lookups: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const resources = Array.from(
    { length: lookups },
    (_, i) =>
      `  lookup-${i}:\n    type: lightsail-certificates:index:CertificateLookup\n    properties:\n      domainName: ${benchDomain(i)}\n`,
  ).join("");
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: lightsail-bench-yaml\nruntime: yaml\n${lookups > 0 ? `resources:\n${resources}` : ""}outputs:\n  lookupCount: ${lookups}\n`,
  );
  return dir;
}

/** The stacks, written into bench/.tmp/. */
export function benchStacks(): BenchStackSpec[] {
  const ts = writeBenchProgram(path.join(TMP, "program"));
  const yaml = (key: string, label: string, count: number): BenchStackSpec => ({
    key,
    label,
    count,
    dir: yamlProgram(path.join(TMP, key), count),
    config: {},
    plugin: true,
    reference: "yaml-0",
  });
  const typescript = (key: string, label: string, count: number, config: Record<string, string>) => ({
    key,
    label,
    count,
    dir: ts,
    config,
    plugin: "pluginLookups" in config,
    reference: "ts-0",
  });
  return [
    yaml("yaml-0", "YAML, empty", 0),
    yaml("yaml-1", "YAML, 1 plugin CertificateLookup", 1),
    yaml("yaml-50", "YAML, 50 plugin CertificateLookups", 50),
    typescript("ts-0", "TypeScript, empty", 0, { lookups: "0" }),
    typescript("ts-50", "TypeScript, 50 dynamic CertificateLookups", 50, { lookups: "50" }),
    typescript("ts-plugin-50", "TypeScript, 50 plugin CertificateLookups (/plugin SDK)", 50, {
      pluginLookups: "50",
    }),
  ];
}

function script(name: string, args: string[] = []): string {
  return execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", name), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 20 * 60_000,
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop()!;
}

let archive: string | undefined;

/** Builds (or finds) the YAML host and the linux-amd64 plugin archive; returns the archive. */
export function preparePlugin(): string {
  if (archive) return archive;
  script("ensure-yaml-host.js");
  archive = script("build-plugin.js", ["--platform", "linux-amd64"]);
  return archive;
}

/** `pulumi plugin install` of the archive into the workspace's PULUMI_HOME. */
export async function installPlugin(ws: PulumiWorkspace): Promise<void> {
  const version = (
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
  ).version;
  await ws.run([
    "plugin",
    "install",
    "resource",
    "lightsail-certificates",
    version,
    "--file",
    preparePlugin(),
  ]);
}
