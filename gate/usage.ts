/**
 * The help text of `lightsail-certs`, with the defaults and ranges it names (the flags that
 * tune requests take their words, ranges and defaults from lightsail/settings.ts).
 */
import { describeSetting, type LookupSettings } from "../lightsail/settings";
import { KNOWN_CERTIFICATE_STATUSES } from "../lightsail/types";
import { MAX_MIN_DAYS_VALID } from "../lookup/fit-for-use";

import { DEFAULT_CONCURRENCY } from "./scan";

/** The most account x region scans `--concurrency` lets run at once. */
export const MAX_CONCURRENCY = 200;

/** Default of `--min-days`. */
export const DEFAULT_MIN_DAYS = 30;

/** The flags that tune requests, and the lookup setting each sets (ranges: lightsail/settings.ts). */
export const SETTING_FLAGS = {
  "--request-timeout-ms": "requestTimeoutMs",
  "--max-attempts": "maxAttempts",
  "--max-pages": "maxPages",
} as const satisfies Record<string, keyof LookupSettings>;

/** One of the flags of {@link SETTING_FLAGS}. */
export type SettingFlag = keyof typeof SETTING_FLAGS;

/** `text` wrapped to `width` columns, every line after the first indented by `indent` spaces. */
function wrap(text: string, indent: number, width = 94): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}

/** The request options, each described in the words of lightsail/settings.ts (`describeSetting`). */
function requestOptions(): string {
  const column = 26;
  return (Object.keys(SETTING_FLAGS) as SettingFlag[])
    .map((flag) => `  ${`${flag} N`.padEnd(column - 2)}${wrap(describeSetting(SETTING_FLAGS[flag]), column)}`)
    .join("\n");
}

/** The help text. */
export const USAGE = `Usage:
  lightsail-certs list  [--region R]... [--all-regions] [--status S]... [--format table|json]
                        [accounts] [request options]
  lightsail-certs check [--min-days N] [--domain D]... [--region R]... [--all-regions]
                        [--status S]... [--allow-stuck-renewals]
                        [--format table|json|markdown] [--output FILE] [accounts]
                        [request options]

Commands:
  list     List the Lightsail certificates of the regions (every status unless --status).
  check    Judge certificates and print name, domain, region, status, notAfter, days left and
           a verdict. Without --domain every certificate listed must be ISSUED, stay valid
           at least N days and have no stuck renewal (renewal status PendingValidation or
           Failed, or a FAILED renewal validation record); with --domain each domain must be
           covered (primary name or SAN) by at least one such certificate.

Options:
  --region R      Region to read, repeatable or comma-separated (default: AWS_REGION, else
                  AWS_DEFAULT_REGION, else the profile's region in the shared config file).
  --all-regions   Read every region with a Lightsail endpoint.
  --status S      Only certificates with this status, repeatable
                  (${KNOWN_CERTIFICATE_STATUSES.join(", ")}; default: all).
  --min-days N    Whole days a certificate must stay valid: it passes when
                  floor((notAfter - now) / 1 day) >= N (0..${MAX_MIN_DAYS_VALID}, default ${DEFAULT_MIN_DAYS}).
  --domain D      A domain that must be covered, repeatable.
  --profile P     AWS profile to use (default: AWS_PROFILE or the SDK's default chain).
  --allow-stuck-renewals
                  A stuck renewal does not fail the certificate (it is still shown).
  --format F      table (default), json or markdown (check only: a summary for a CI step
                  summary or a pull-request comment). See gate/README.md.
  --json          The same as --format json.
  --output FILE   check: write the report in the --format chosen to FILE (replaced atomically)
                  and print the table on stdout. The directory must exist.
  -h, --help      Show this help.
  --version       Print the version of pulumi-lightsail-certificates.

Accounts (several AWS accounts in one run; see gate/README.md):
  --role-arn ARN  Assume this IAM role (arn:aws:iam::ACCOUNT:role/NAME) and read its account,
                  repeatable; the base identity is the SDK chain's (or --profile's).
  --external-id X The external id the --role-arn roles' trust policies require.
  --accounts FILE A JSON file of accounts: {"accounts": [{"roleArn": ARN, "externalId": X,
                  "regions": [R, ...] or "all"}]} (externalId and regions optional; regions
                  default to --region / --all-regions / the default region).
  --concurrency N Account x region scans (and role assumptions) in flight at once
                  (1..${MAX_CONCURRENCY}, default ${DEFAULT_CONCURRENCY}).

Request options (whole numbers):
${requestOptions()}

Exit status: 0 every account assumed, every region read and all pass; 1 a certificate or
domain fails; 2 a usage error, or a region could not be read, or a role could not be assumed
(access denied, throttled, timeout: its error on stderr, a NOT READ / NOT ASSUMED line or a
JSON "errors" entry; the other accounts and regions are still read, judged and printed).
2 wins over 1: a check that could not read everything is not complete.
Credentials and endpoint come from the AWS SDK chain (AWS_PROFILE or --profile,
AWS_ENDPOINT_URL_LIGHTSAIL, AWS_ENDPOINT_URL_STS, ...); assumed credentials are never printed.`;
