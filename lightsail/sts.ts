/**
 * STS `AssumeRole` on the wire: the real `@aws-sdk/client-sts`, loaded on first use, with the
 * base identity of the SDK chain (or a profile) and STS's endpoint from the SDK chain
 * (`AWS_ENDPOINT_URL_STS`). Errors become {@link AssumeRoleError}s, scrubbed of endpoints and
 * access keys; credentials are returned, never logged.
 */
import { AssumeRoleError } from "./errors";
import { scrubMessage } from "./service-errors";

/** Temporary credentials, as the AWS SDK takes them. */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** A role to assume. */
export interface AssumeRoleSpec {
  /** `arn:aws:iam::ACCOUNT:role/NAME`. */
  roleArn: string;
  /** The external id the role's trust policy requires, if any. */
  externalId?: string;
  /** @defaultValue `"pulumi-lightsail-certificates"` */
  sessionName?: string;
  /** Session length in seconds (900..43200). @defaultValue 3600 */
  durationSeconds?: number;
}

/** How to reach STS with the base identity. */
export interface StsOptions {
  /** Region of the STS endpoint. @defaultValue `"us-east-1"` */
  region?: string;
  profile?: string;
  /** STS endpoint URL; otherwise the SDK chain's (`AWS_ENDPOINT_URL_STS`, else the regional one). */
  endpoint?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
}

/** `text` with every occurrence of `secret` replaced by `<external id>`. */
export function maskSecret(text: string, secret: string | undefined): string {
  return secret === undefined || secret === "" ? text : text.split(secret).join("<external id>");
}

/** Assumes the role once; the caller shares and refreshes the answer (lookup/assume-role.ts). */
export async function callAssumeRole(
  spec: AssumeRoleSpec,
  options: StsOptions,
): Promise<AwsCredentialIdentity> {
  const sts = require("@aws-sdk/client-sts") as typeof import("@aws-sdk/client-sts");
  const client = new sts.STSClient({
    region: options.region ?? "us-east-1",
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    maxAttempts: options.maxAttempts ?? 4,
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 15_000, throwOnRequestTimeout: true },
  });
  try {
    const out = await client.send(
      new sts.AssumeRoleCommand({
        RoleArn: spec.roleArn,
        RoleSessionName: spec.sessionName ?? "pulumi-lightsail-certificates",
        ...(spec.externalId !== undefined ? { ExternalId: spec.externalId } : {}),
        ...(spec.durationSeconds !== undefined ? { DurationSeconds: spec.durationSeconds } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey)
      throw new AssumeRoleError({
        roleArn: spec.roleArn,
        code: "NoCredentials",
        detail: "STS answered without credentials",
      });
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  } catch (err) {
    if (AssumeRoleError.isInstance(err)) throw err;
    const e = err as { name?: string; code?: string; message?: string };
    const code = typeof e.name === "string" && e.name !== "Error" ? e.name : (e.code ?? "Error");
    const raw = String(e.message ?? "");
    // STS repeats a malformed external id in its message ("Value '...' at 'externalId'"): it is
    // a secret, so it is masked, and the SDK's error (which holds it) is not kept as the cause.
    const echoes = spec.externalId !== undefined && spec.externalId !== "" && raw.includes(spec.externalId);
    throw new AssumeRoleError({
      roleArn: spec.roleArn,
      code,
      detail: scrubMessage(maskSecret(raw, spec.externalId)),
      ...(echoes ? {} : { cause: err }),
    });
  } finally {
    client.destroy();
  }
}
