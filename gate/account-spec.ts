/**
 * The accounts a gate run reads: `--role-arn` (with `--external-id`) and `--accounts FILE`,
 * checked and merged into one list. The file is JSON:
 *
 * ```json
 * { "accounts": [
 *     { "roleArn": "arn:aws:iam::111111111111:role/LightsailAudit", "externalId": "ci-2f9b",
 *       "regions": ["us-east-1", "eu-west-1"] },
 *     { "roleArn": "arn:aws:iam::222222222222:role/LightsailAudit", "regions": "all" } ] }
 * ```
 *
 * `externalId` and `regions` are optional (`regions`: a list, or `"all"` for every region with
 * a Lightsail endpoint; default: the run's `--region` / `--all-regions` / default region).
 */
import * as fs from "node:fs";
import { accountOfRoleArn } from "../lookup/assume-role";
import { describeRegionProblem } from "../lookup/search-args";
import { LIGHTSAIL_REGIONS } from "../lightsail/regions";
import { UsageError } from "./usage-error";

/** One account to read: the role to assume there, and its own regions when it names some. */
export interface AccountSpec {
  /** The account id, from the role ARN. */
  accountId: string;
  roleArn: string;
  externalId?: string;
  /** Regions of this account; undefined: the run's regions. */
  regions?: string[];
}

const ENTRY_KEYS = ["roleArn", "externalId", "regions"];

/** What is wrong with a role ARN, or undefined. */
export function describeRoleArnProblem(arn: unknown): string | undefined {
  if (typeof arn === "string" && accountOfRoleArn(arn) !== undefined && /^[\x21-\x7e]{20,2048}$/.test(arn))
    return undefined;
  return `must be an IAM role ARN like arn:aws:iam::123456789012:role/NAME, got ${JSON.stringify(arn)}`;
}

/** What is wrong with an external id (STS: 2 to 1224 characters of [\w+=,.@:/-]), or undefined. */
export function describeExternalIdProblem(id: unknown): string | undefined {
  if (typeof id === "string" && /^[\w+=,.@:/-]{2,1224}$/.test(id)) return undefined;
  return "must be 2 to 1224 characters of letters, digits and +=,.@:/-";
}

function entryRegions(value: unknown, at: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === "all") return [...LIGHTSAIL_REGIONS];
  if (!Array.isArray(value) || value.length === 0)
    throw new UsageError(`${at}.regions must be a non-empty list of regions, or "all"`);
  for (const region of value) {
    const problem = typeof region === "string" ? describeRegionProblem(region) : "must be a string";
    if (problem) throw new UsageError(`${at}.regions: ${problem}`);
  }
  return [...new Set(value as string[])];
}

function parseEntry(entry: unknown, at: string): AccountSpec {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry))
    throw new UsageError(`${at} must be an object {"roleArn": ..., "externalId"?: ..., "regions"?: [...]}`);
  const e = entry as Record<string, unknown>;
  const unknown = Object.keys(e).find((k) => !ENTRY_KEYS.includes(k));
  if (unknown) throw new UsageError(`${at}.${unknown}: unknown key; expected ${ENTRY_KEYS.join(", ")}`);
  const arnProblem = describeRoleArnProblem(e.roleArn);
  if (arnProblem) throw new UsageError(`${at}.roleArn ${arnProblem}`);
  if (e.externalId !== undefined && describeExternalIdProblem(e.externalId))
    throw new UsageError(`${at}.externalId ${describeExternalIdProblem(e.externalId)}`);
  const roleArn = e.roleArn as string;
  const regions = entryRegions(e.regions, at);
  return {
    accountId: accountOfRoleArn(roleArn)!,
    roleArn,
    ...(e.externalId !== undefined ? { externalId: e.externalId as string } : {}),
    ...(regions ? { regions } : {}),
  };
}

/** Parses the text of an accounts file (`file` names it in messages). */
export function parseAccountsFile(text: string, file: string): AccountSpec[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    // Not the parser's message: it quotes the text around the error, which may be an external id.
    const at = /at position (\d+)/.exec((err as Error).message)?.[1];
    throw new UsageError(
      `--accounts ${file}: not JSON${at !== undefined ? ` (at character ${at})` : ""}; the file's text is not shown, since it may hold external ids`,
    );
  }
  const list = (doc as { accounts?: unknown } | null)?.accounts;
  if (typeof doc !== "object" || doc === null || !Array.isArray(list) || list.length === 0)
    throw new UsageError(
      `--accounts ${file}: expected {"accounts": [{"roleArn": ...}, ...]} with at least one account`,
    );
  return list.map((entry, i) => parseEntry(entry, `--accounts ${file}: accounts[${i}]`));
}

/**
 * The accounts of a run: the file's, then each `--role-arn`; a role given twice is a usage error.
 * @param readFile reads the accounts file (injectable for tests).
 */
export function loadAccounts(
  options: { roleArns: string[]; externalId?: string; accountsFile?: string },
  readFile: (file: string) => string = (file) => fs.readFileSync(file, "utf8"),
): AccountSpec[] {
  const specs: AccountSpec[] = [];
  if (options.accountsFile !== undefined) {
    let text: string;
    try {
      text = readFile(options.accountsFile);
    } catch (err) {
      throw new UsageError(
        `--accounts ${options.accountsFile}: cannot read it: ${(err as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    specs.push(...parseAccountsFile(text, options.accountsFile));
  }
  for (const roleArn of options.roleArns)
    specs.push({
      accountId: accountOfRoleArn(roleArn)!,
      roleArn,
      ...(options.externalId ? { externalId: options.externalId } : {}),
    });
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.roleArn))
      throw new UsageError(`role ${spec.roleArn} is given twice (--role-arn / --accounts)`);
    seen.add(spec.roleArn);
  }
  return specs;
}
