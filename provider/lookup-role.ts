/**
 * The role a CertificateLookup assumes (issue 21), as it is stored: `assumeRole` holds the role
 * (`roleArn`, `sessionName`, `durationSeconds`), shown in plaintext so that a preview names a
 * change of role; the external id is a property of its own, `externalId`, which the resource
 * always sends as a Pulumi secret (the engine encrypts an input, and the output of the same
 * name, when the program sent it secret; a nested secret would not be kept per field). No
 * credential is ever stored: the role is assumed again in each process that needs it.
 *
 * State written before 0.3.0 has neither property: no role, and nothing to compare. Pure.
 */
import type { AssumeRoleSpec } from "../lookup/assume-role";

/** The stored form of a role: everything but the external id. */
export interface StoredRole {
  roleArn: string;
  sessionName?: string;
  durationSeconds?: number;
}

/** The stored properties of a role: `assumeRole` and, separately and secret, `externalId`. */
export const ROLE_INPUTS = ["assumeRole", "externalId"] as const;

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ROLE_KEYS = ["roleArn", "sessionName", "durationSeconds"];

/** A problem with the role, named as the user wrote it. Never holds the external id's value. */
export interface RoleProblem {
  property: string;
  reason: string;
}

function roleProblems(role: Record<string, unknown>): RoleProblem[] {
  const problems: RoleProblem[] = [];
  const { roleArn, sessionName, durationSeconds } = role;
  if (typeof roleArn !== "string" || !ROLE_ARN.test(roleArn))
    problems.push({
      property: "assumeRole.roleArn",
      reason: `must be an IAM role ARN like arn:aws:iam::123456789012:role/NAME, got ${JSON.stringify(roleArn ?? null)}`,
    });
  if (sessionName !== undefined && (typeof sessionName !== "string" || !SESSION_NAME.test(sessionName)))
    problems.push({
      property: "assumeRole.sessionName",
      reason: "must be 2 to 64 characters of letters, digits and +=,.@-",
    });
  if (
    durationSeconds !== undefined &&
    (typeof durationSeconds !== "number" ||
      !Number.isInteger(durationSeconds) ||
      durationSeconds < 900 ||
      durationSeconds > 43_200)
  )
    problems.push({
      property: "assumeRole.durationSeconds",
      reason: `must be a whole number of seconds from 900 to 43200, got ${JSON.stringify(durationSeconds)}`,
    });
  for (const key of Object.keys(role).filter((k) => !ROLE_KEYS.includes(k) && role[k] !== undefined))
    problems.push({
      property: `assumeRole.${key}`,
      reason: `is not a role setting; use ${ROLE_KEYS.join(", ")} (and externalId)`,
    });
  return problems;
}

/**
 * The role of stored inputs (`assumeRole`, `externalId`), or none, or every problem with it.
 * The external id is checked for its form only: a problem says so without repeating it.
 */
export function parseRole(inputs: Record<string, unknown>): {
  spec?: AssumeRoleSpec;
  problems: RoleProblem[];
} {
  const { assumeRole, externalId } = inputs;
  if (assumeRole === undefined || assumeRole === null) {
    return externalId === undefined || externalId === null
      ? { problems: [] }
      : {
          problems: [{ property: "externalId", reason: "applies to assumeRole: set assumeRole.roleArn too" }],
        };
  }
  if (typeof assumeRole !== "object" || Array.isArray(assumeRole))
    return {
      problems: [
        {
          property: "assumeRole",
          reason: "must be an object { roleArn, externalId?, sessionName?, durationSeconds? }",
        },
      ],
    };
  const role = assumeRole as Record<string, unknown>;
  const problems = roleProblems(role);
  if (externalId !== undefined && (typeof externalId !== "string" || !EXTERNAL_ID.test(externalId)))
    problems.push({
      property: "assumeRole.externalId",
      reason:
        "must be 2 to 1224 characters of letters, digits and +=,.@:/- (the value is a secret: not shown)",
    });
  if (problems.length > 0) return { problems };
  return {
    spec: {
      roleArn: role.roleArn as string,
      ...(typeof externalId === "string" ? { externalId } : {}),
      ...(role.sessionName !== undefined ? { sessionName: role.sessionName as string } : {}),
      ...(role.durationSeconds !== undefined ? { durationSeconds: role.durationSeconds as number } : {}),
    },
    problems,
  };
}

/** The stored role properties of `inputs` (those present), to carry into checked inputs and outputs. */
export function roleInputsOf(
  inputs: Record<string, unknown>,
): Partial<Record<(typeof ROLE_INPUTS)[number], unknown>> {
  return Object.fromEntries(ROLE_INPUTS.filter((k) => inputs[k] !== undefined).map((k) => [k, inputs[k]]));
}
