import { authenticator } from 'otplib';

const ISSUER = 'Yhdessä';
const STEP_SECONDS = 30;

/** 160 random bits, as RFC 4226 recommends, base32 for authenticator apps. */
export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(email: string, secret: string): string {
  return authenticator.keyuri(email, ISSUER, secret);
}

/**
 * The time step the code belongs to, or null when it is wrong. One step either side is
 * accepted for clock drift; the caller must refuse a step it has already accepted.
 */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = authenticator.clone({ window: 1, epoch: now, step: STEP_SECONDS }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(now / 1000 / STEP_SECONDS) + delta;
}
