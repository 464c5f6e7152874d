import { secondFactorRoles, type Role, type SecondFactorState } from '@yhdessa/shared';

export function needsSecondFactor(role: Role): boolean {
  return (secondFactorRoles as readonly Role[]).includes(role);
}

/** Where a session stands: passed (or not needed), waiting for a code, or waiting for an authenticator to be set up. */
export function secondFactorStateOf(session: {
  role: Role;
  secondFactorAt: Date | null;
  totpEnabledAt: Date | null;
}): SecondFactorState {
  if (session.secondFactorAt || !needsSecondFactor(session.role)) return 'done';
  return session.totpEnabledAt ? 'required' : 'enrol';
}
