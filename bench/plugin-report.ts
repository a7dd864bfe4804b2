/**
 * Case "plugin" of `npm run bench` (issue 19): the three preview targets judged against the
 * stacks of bench/plugin-stacks.ts measured in the same run, and their table for the report.
 */
import type { PluginPreviewRow } from "./plugin-preview";
import { formatMs, formatRatio } from "./stats";
import type { TargetResult } from "./targets";

const row = (rows: PluginPreviewRow[], key: string) => rows.find((r) => r.key === key);

/** The issue-19 targets: first plugin lookup <= 150 ms over an empty YAML preview; 50 lookups <= 1.5x an empty TypeScript preview (dynamic and plugin). */
export function judgePluginTargets(rows: PluginPreviewRow[]): TargetResult[] {
  const out: TargetResult[] = [];
  const one = row(rows, "yaml-1");
  if (one)
    out.push({
      target: "YAML: the first plugin lookup adds <= 150 ms to an empty preview",
      measured: `+${formatMs(one.addedMs)} (${formatRatio(one.ratio)})`,
      status: one.addedMs <= 150 ? "met" : "MISSED",
    });
  for (const [key, what] of [
    ["ts-50", "50 dynamic CertificateLookups"],
    ["ts-plugin-50", "50 plugin CertificateLookups (/plugin SDK)"],
  ] as const) {
    const r = row(rows, key);
    if (r)
      out.push({
        target: `TypeScript: ${what} <= 1.5x an empty TypeScript preview`,
        measured: `${formatMs(r.previewMs)} = ${formatRatio(r.ratio)} (+${formatMs(r.addedMs)})`,
        status: r.ratio <= 1.5 ? "met" : "MISSED",
      });
  }
  return out;
}

/** The report's table of the plugin case. */
export function pluginTable(rows: PluginPreviewRow[]): string[] {
  return [
    "| stack | preview | / empty stack of its language | added | first `pulumi up` |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.stack} | ${formatMs(r.previewMs)} | ${formatRatio(r.ratio)} | +${formatMs(r.addedMs)} | ${formatMs(r.upMs)} |`,
    ),
  ];
}
