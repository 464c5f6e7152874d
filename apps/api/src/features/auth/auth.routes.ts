import type { Response } from 'express';
import { currentUserSchema, loginRequestSchema, roles as allRoles } from '@yhdessa/shared';
import { z } from 'zod';
import type { Config } from '../../core/config';
import { AppError } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import { defineRoute } from '../../http/route';
import { presentCurrentUser } from './current-user.presenter';
import { endAllSessionsOf, endSession } from './sessions.repository';
import { signIn } from './login.service';
import { resolveSessionActor, type SessionPolicy } from './session.service';
import { SESSION_COOKIE, sessionIdOf } from './session-token';

function sessionAudit(actor: Actor, action: 'sign-out', basis: string) {
  return { familyId: null, action, resource: 'session', resourceId: actor.accountId, outcome: 'allowed', basis } as const;
}

function cookieOptions(config: Pick<Config, 'secureCookies'>) {
  return { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' } as const;
}

function setSessionCookie(res: Response, token: string, config: Config): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(config), maxAge: config.SESSION_ABSOLUTE_HOURS * 3_600_000 });
}

export function authRoutes(config: Config & SessionPolicy) {
  return [
    defineRoute({
      method: 'post',
      path: '/auth/login',
      summary:
        'Sign in with email and password; sets the HttpOnly session cookie. A professional then passes the second factor (`secondFactor`)',
      tag: 'auth',
      access: { kind: 'public', why: 'signing in is how a session starts' },
      body: loginRequestSchema,
      response: { status: 200, schema: currentUserSchema, description: 'The signed-in user' },
      errors: [401, 429],
      async handler({ body }, { tx, req, res, afterRollback }) {
        // A new session id at every sign-in: an id planted before sign-in is worthless after it.
        const previous: unknown = req.cookies?.[SESSION_COOKIE];
        if (typeof previous === 'string') await endSession(tx, sessionIdOf(previous));
        const token = await signIn(tx, body, config, afterRollback);
        const actor = await resolveSessionActor(tx, token, config);
        if (!actor) throw new AppError('internal', 'The new session could not be read back.');
        setSessionCookie(res, token, config);
        return presentCurrentUser(actor);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      summary: 'Sign out: ends the session and clears the cookie',
      tag: 'auth',
      access: { kind: 'public', why: 'signing out must work with an expired session too', secondFactor: 'pending-ok' },
      response: { status: 204, schema: z.void(), description: 'Signed out' },
      async handler(_input, { tx, req, res, actor, audit, afterCommit, realtime }) {
        const token: unknown = req.cookies?.[SESSION_COOKIE];
        if (typeof token === 'string') {
          const sessionId = sessionIdOf(token);
          await endSession(tx, sessionId);
          afterCommit(() => realtime.endSessionSockets([sessionId]));
        }
        if (actor) await audit(sessionAudit(actor, 'sign-out', 'own session'));
        res.clearCookie(SESSION_COOKIE, cookieOptions(config));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout-everywhere',
      summary: 'Sign out on every device: ends all of your sessions and their live connections',
      tag: 'auth',
      access: { kind: 'signed-in', roles: allRoles },
      response: { status: 204, schema: z.void(), description: 'Every session ended' },
      async handler(_input, { tx, res, actor, audit, afterCommit, realtime }) {
        await endAllSessionsOf(tx, actor.accountId);
        await audit(sessionAudit(actor, 'sign-out', 'every session'));
        afterCommit(() => realtime.endAccountSockets(actor.accountId));
        res.clearCookie(SESSION_COOKIE, cookieOptions(config));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/me',
      summary: 'The signed-in user, their role, and whether the session still waits for its second factor',
      tag: 'auth',
      access: { kind: 'signed-in', roles: allRoles, secondFactor: 'pending-ok' },
      response: { status: 200, schema: currentUserSchema, description: 'The signed-in user' },
      async handler(_input, { actor }) {
        return presentCurrentUser(actor);
      },
    }),
  ];
}
