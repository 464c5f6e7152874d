/** What an account needs for its password to be reset by mail or changed by its holder. */
interface CredentialHolder {
  passwordHash: string | null;
  disabledAt: Date | null;
  isDemo: boolean;
}

export type CredentialDecision = { allowed: true } | { allowed: false; basis: string };

/**
 * A reset link goes only to an enabled account that has a password: an invited person who never
 * set one uses their invitation, and a demo login's password is published and shared.
 */
export function authorizePasswordReset(account: CredentialHolder | null): CredentialDecision {
  if (!account) return { allowed: false, basis: 'unknown account' };
  if (account.disabledAt) return { allowed: false, basis: 'account disabled' };
  if (account.isDemo) return { allowed: false, basis: 'demo account' };
  if (!account.passwordHash) return { allowed: false, basis: 'no password yet' };
  return { allowed: true };
}

/** Others sign in to a demo login with its published password, so its holder cannot change it. */
export function authorizePasswordChange(account: CredentialHolder): CredentialDecision {
  if (account.isDemo) return { allowed: false, basis: 'demo account' };
  return { allowed: true };
}
