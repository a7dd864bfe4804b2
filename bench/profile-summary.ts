/**
 * Summary of a V8 `.cpuprofile` for bench/profile-preview.ts: which process it is, its sampled
 * time, and where that time went by category (compiling and loading modules, garbage collection,
 * gRPC and protobuf, the closure serializer, the AWS SDK, this package, ts-node and source maps,
 * idle) from each sample's innermost frame, with the inclusive time of module loading.
 */
import * as fs from "node:fs";
import * as path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const CATEGORIES: Array<[string, RegExp]> = [
  ["this package", /pulumi-lightsail-certificates\/dist\/(?!sdk)|\/dist\/(lookup|lightsail|provider|api)\//],
  ["plugin SDK (sdk/nodejs)", /dist\/sdk\/nodejs/],
  ["AWS SDK", /@aws-sdk|@smithy|@aws-crypto/],
  ["gRPC + protobuf", /@grpc|google-protobuf|\/proto\//],
  ["closure serializer", /runtime\/closure/],
  ["ts-node + source maps", /ts-node|typescript|source-map/],
  ["@pulumi/pulumi (rest)", /@pulumi\/pulumi/],
  ["Node.js internals", /^node:/],
];

function categoryOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === "") {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "VM (compile, native)";
    return `native ${functionName || "?"}`;
  }
  for (const [name, re] of CATEGORIES) if (re.test(url)) return name;
  if (url.endsWith("plugin.js")) return "plugin bundle";
  return "other JS";
}

function processKind(profile: Profile): string {
  const urls = profile.nodes.map((n) => n.callFrame.url).join("\n");
  if (urls.includes("cmd/dynamic-provider")) return "dynamic-provider host";
  if (urls.includes("/plugin.js")) return "provider plugin (bundle)";
  if (urls.includes("cmd/run")) return "program (cmd/run)";
  return "node process";
}

/** A few lines describing `file`. */
export function summarizeProfile(file: string): string {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  let loading = 0;
  profile.samples.forEach((id, i) => {
    const ms = profile.timeDeltas[i] / 1000;
    const category = categoryOf(byId.get(id)!);
    self.set(category, (self.get(category) ?? 0) + ms);
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (
        /^(Module\._load|wrapModuleLoad|compileForInternalLoader)$/.test(byId.get(at)!.callFrame.functionName)
      ) {
        loading += ms;
        break;
      }
    }
  });
  const wall = (profile.endTime - profile.startTime) / 1000;
  const busy = wall - (self.get("idle") ?? 0);
  const rows = [...self]
    .filter(([name]) => name !== "idle")
    .sort((a, b) => b[1] - a[1])
    .filter(([, ms]) => ms >= 5)
    .map(([name, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  return [
    `- ${processKind(profile)} (${path.basename(file)}): ${wall.toFixed(0)} ms profiled, ${busy.toFixed(0)} ms busy, ` +
      `${loading.toFixed(0)} ms inside require (inclusive)`,
    ...rows,
  ].join("\n");
}

if (require.main === module) for (const file of process.argv.slice(2)) console.log(summarizeProfile(file));

const MILESTONES: Array<[string, RegExp, "first" | "last"]> = [
  [
    "language host asked to run the program",
    /langhost\[nodejs\]\.Run\(.*executing|langhost\[yaml\]\.Run\(.*executing/,
    "first",
  ],
  [
    "program registers its stack (program loaded)",
    /ResourceMonitor\.RegisterResource received: t=pulumi:pulumi:Stack/,
    "first",
  ],
  [
    "provider plugin launched",
    /newPlugin\(\): Launching plugin '(pulumi-nodejs|lightsail-certificates)/,
    "first",
  ],
  ["provider answers its first RPC (GetPluginInfo)", /Provider\[\w+\]\.GetPluginInfo\(\) success/, "first"],
  ["first Check of a lookup starts", /Provider\[\w+\]\.Check\(urn:[^)]*CertificateLookup/, "first"],
  ["first Check of a lookup returns", /Provider\[\w+\]\.Check\(urn:[^)]*CertificateLookup.*success/, "first"],
  ["last Check of a lookup returns", /Provider\[\w+\]\.Check\(urn:[^)]*CertificateLookup.*success/, "last"],
  ["last resource registration finished", /ResourceMonitor\.RegisterResource operation finished/, "last"],
  ["program exits (Run returns)", /langhost\[\w+\]\.Run\(.*success/, "first"],
  ["preview complete", /\*\*\* Update\(preview=true\) complete/, "first"],
];

/** Milestones of one preview from the engine's `-v=9 --logtostderr` log (JSON lines), ms from its first line. */
export function engineTimeline(log: string): string {
  const events = log
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => {
      try {
        const e = JSON.parse(l) as { time: string; msg: string };
        return { at: Date.parse(e.time), msg: e.msg };
      } catch {
        return undefined;
      }
    })
    .filter((e): e is { at: number; msg: string } => e !== undefined && Number.isFinite(e.at));
  if (events.length === 0) return "  (no engine log)";
  const t0 = events[0].at;
  const lines: string[] = [];
  for (const [label, re, which] of MILESTONES) {
    const hits = events.filter((e) => re.test(e.msg));
    const hit = which === "first" ? hits[0] : hits[hits.length - 1];
    if (hit) lines.push(`    ${String(hit.at - t0).padStart(6)} ms  ${label}`);
  }
  const checks = events.filter((e) =>
    /Provider\[\w+\]\.Check\(urn:[^)]*CertificateLookup.*success/.test(e.msg),
  );
  lines.push(
    `    (${checks.length} lookup Checks answered; engine log spans ${events[events.length - 1].at - t0} ms)`,
  );
  return lines.join("\n");
}
