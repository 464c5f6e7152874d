import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'yhdessa_session';

/** 256 random bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under the token's hash, so the table alone cannot sign anyone in. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
