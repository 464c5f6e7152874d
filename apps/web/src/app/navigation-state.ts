import { paths } from '../lib/paths';

/** Messages one screen leaves for the next through the router's location state. */
export const notices = [
  'invitationAccepted',
  'secondFactorEnded',
  'signedOutEverywhere',
  'signedOut',
  'sessionEnded',
  'familyRevoked',
  'passwordReset',
] as const;
export type Notice = (typeof notices)[number];

export interface NavigationState {
  /** Where to go once signed in: the address, with its query (`?section=`). */
  from?: string;
  notice?: Notice;
  /** Prefills the sign-in form, e.g. after accepting an invitation. */
  email?: string;
}

export function readNavigationState(state: unknown): NavigationState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, notice, email } = state as Record<string, unknown>;
  return {
    ...(typeof from === 'string' && { from }),
    ...(typeof notice === 'string' && (notices as readonly string[]).includes(notice) && { notice: notice as Notice }),
    ...(typeof email === 'string' && { email }),
  };
}

/** Only an address inside the app, and never back to the sign-in steps themselves. */
export function returnPath(state: unknown): string {
  const { from } = readNavigationState(state);
  return from && from.startsWith('/') && !from.startsWith(paths.signIn) ? from : paths.families;
}
