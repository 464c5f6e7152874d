import {
  confirmSecondFactorSchema,
  currentUserSchema,
  recoveryCodesSchema,
  secondFactorEnrolmentSchema,
  secondFactorRoles,
  verifySecondFactorSchema,
} from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { presentCurrentUser } from './current-user.presenter';
import { confirmSecondFactor, enrolSecondFactor, verifySecondFactor } from './second-factor.service';

/** A session waiting for its second factor may call these: they are how it stops waiting. */
const access = { kind: 'signed-in', roles: secondFactorRoles, secondFactor: 'pending-ok' } as const;

export const secondFactorRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/second-factor/enrol',
    summary: 'Start setting up the authenticator app: a new TOTP secret, in force once confirmed',
    tag: 'auth',
    access,
    response: { status: 200, schema: secondFactorEnrolmentSchema, description: 'The secret and its otpauth URI' },
    errors: [403],
    handler: (_input, context) => enrolSecondFactor(context),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/second-factor/confirm',
    summary: 'Confirm the authenticator app with a code: turns the second factor on and returns recovery codes once',
    tag: 'auth',
    access,
    body: confirmSecondFactorSchema,
    response: { status: 200, schema: recoveryCodesSchema, description: 'Ten single-use recovery codes, shown only now' },
    errors: [401, 403],
    handler: ({ body }, context) => confirmSecondFactor(context, body.code),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/second-factor/verify',
    summary: 'Finish signing in with an authenticator code or a recovery code',
    tag: 'auth',
    access,
    body: verifySecondFactorSchema,
    response: { status: 200, schema: currentUserSchema, description: 'The signed-in user, second factor done' },
    errors: [401, 403],
    async handler({ body }, context) {
      await verifySecondFactor(context, body);
      return presentCurrentUser({ ...context.actor, secondFactor: 'done' });
    },
  }),
];
