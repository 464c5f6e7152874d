import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import { accounts } from '../db/tables/accounts';
import type { Queryable } from '../db/database';

/** The authenticator secret every professional test account has (base32). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * A valid code for a test account. A real authenticator gives one person one code per 30 s,
 * but tests sign the same account in many times a second, so the used step is forgotten first.
 */
export async function freshTotpCode(db: Queryable, email: string, secret = TEST_TOTP_SECRET): Promise<string> {
  await db.update(accounts).set({ totpLastStep: null }).where(eq(accounts.email, email));
  return authenticator.generate(secret);
}

/** Signs in over real HTTP and passes the second factor when asked; the session cookie as `name=value`. */
export async function fetchSessionCookie(
  baseUrl: string,
  db: Queryable,
  account: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const { secondFactor } = (await response.json()) as { secondFactor?: string };
  if (secondFactor === 'required') {
    const verified = await fetch(`${baseUrl}/api/auth/second-factor/verify`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ code: await freshTotpCode(db, account.email) }),
    });
    if (verified.status !== 200) throw new Error(`second factor failed for ${account.email}: ${verified.status}`);
  }
  return cookie;
}
