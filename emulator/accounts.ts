/**
 * Several AWS accounts in one emulator. The fixture document's top-level lists are the
 * certificates of the account the emulator's own credentials belong to ({@link DEFAULT_ACCOUNT_ID});
 * `accounts` adds member accounts, each with its own lists and the roles that may be assumed
 * into it (STS AssumeRole, `sts.ts`). Credentials issued for a role see that account's lists only.
 */
import type { FixtureDocument } from "./fixtures";

/** The account of the emulator's own credentials (and of the builders' ARNs). */
export const DEFAULT_ACCOUNT_ID = "123456789012";

/** The identity the emulator's own credentials stand for, as STS names a caller. */
export const DEFAULT_CALLER_ARN = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:user/lightsail-emulator`;

/** A role of a member account that may be assumed (its trust policy, reduced to what matters here). */
export interface RoleFixture {
  /** `arn:aws:iam::<accountId>:role/<name>`, the account being the member account's. */
  arn: string;
  /** When set, AssumeRole must send this `ExternalId` (the trust policy's `sts:ExternalId` condition). */
  externalId?: string;
  /** Longest session, in seconds (900..43200). @defaultValue 3600 */
  maxSessionDuration?: number;
}

/** A member account: its certificates (the same lists as the document's) and its assumable roles. */
export interface AccountFixture {
  /** 12 digits. */
  accountId: string;
  /** Roles that may be assumed; an account with none cannot be entered. */
  roles?: RoleFixture[];
  certificates?: FixtureDocument["certificates"];
  loadBalancerTlsCertificates?: FixtureDocument["loadBalancerTlsCertificates"];
  loadBalancers?: FixtureDocument["loadBalancers"];
}

/** The lists an account's credentials see: the top level for the default account. @internal */
export function accountView(document: FixtureDocument, accountId: string | undefined): FixtureDocument {
  if (accountId === undefined || accountId === DEFAULT_ACCOUNT_ID) {
    const { accounts: _accounts, ...own } = document;
    return own;
  }
  const account = document.accounts?.find((a) => a.accountId === accountId);
  const { accountId: _id, roles: _roles, ...lists } = account ?? { accountId };
  return lists;
}

/** `document` with the lists of `accountId` replaced by `view` (after an operation changed them). @internal */
export function withAccountView(
  document: FixtureDocument,
  accountId: string | undefined,
  view: FixtureDocument,
): FixtureDocument {
  const { accounts: _ignored, ...lists } = view;
  if (accountId === undefined || accountId === DEFAULT_ACCOUNT_ID) {
    return document.accounts ? { ...lists, accounts: document.accounts } : lists;
  }
  return {
    ...document,
    accounts: (document.accounts ?? []).map((a) =>
      a.accountId === accountId ? { accountId, ...(a.roles ? { roles: a.roles } : {}), ...lists } : a,
    ),
  };
}

/** The role of `arn` and its account, when the fixtures say it may be assumed. @internal */
export function findRole(
  document: FixtureDocument,
  arn: string,
): { account: AccountFixture; role: RoleFixture } | undefined {
  for (const account of document.accounts ?? []) {
    const role = account.roles?.find((r) => r.arn === arn);
    if (role) return { account, role };
  }
  return undefined;
}
