/**
 * Credentials of an assumed IAM role, for the Lightsail clients of a lookup context: one STS
 * `AssumeRole` (lightsail/sts.ts) whose answer is shared by every client of the context and
 * asked again five minutes before it expires. Credentials are held in memory only, never logged.
 */
import {
  type AssumeRoleSpec,
  type AwsCredentialIdentity,
  callAssumeRole,
  type StsOptions,
} from "../lightsail/sts";

export type { AssumeRoleSpec, AwsCredentialIdentity, StsOptions } from "../lightsail/sts";

/** Time before expiry at which credentials are asked again. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/** A credentials provider for the role: shared, refreshed before expiry; failures are {@link AssumeRoleError}s. */
export function assumeRoleCredentials(
  spec: AssumeRoleSpec,
  options: StsOptions = {},
  now: () => number = Date.now,
): () => Promise<AwsCredentialIdentity> {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const refresh = (): Promise<AwsCredentialIdentity> => {
    const p = callAssumeRole(spec, options);
    pending = p;
    p.catch(() => {
      if (pending === p) pending = undefined;
    });
    return p;
  };
  return async () => {
    const p = pending ?? refresh();
    const creds = await p;
    const expires = creds.expiration?.getTime() ?? Infinity;
    if (expires - now() > REFRESH_BEFORE_MS) return creds;
    return pending === p ? refresh() : (pending ?? refresh());
  };
}

/** The account id of a role ARN (`arn:aws:iam::123456789012:role/x`), or undefined. */
export function accountOfRoleArn(roleArn: string): string | undefined {
  return /^arn:aws[\w-]*:iam::(\d{12}):role\/.+$/.exec(roleArn)?.[1];
}
