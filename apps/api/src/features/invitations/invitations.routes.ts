import {
  createdInvitationSchema,
  createInvitationSchema,
  invitationDetailsSchema,
  invitationTokenParamsSchema,
  setInvitationPasswordSchema,
} from '@yhdessa/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import {
  acceptInvitation,
  inviteFamilyMember,
  inviteWorker,
  readInvitation,
  type InvitationSettings,
} from './invitations.service';

export function invitationsRoutes(settings: InvitationSettings) {
  return [
    defineRoute({
      method: 'post',
      path: '/invitations',
      summary:
        'An administrator adds a worker to a service of their organisation, a coordinator invites a member of a family they coordinate; the link goes by mail only, valid for 72 hours. The answer is the same whether or not the address has a login',
      tag: 'invitations',
      access: { kind: 'signed-in', roles: ['coordinator', 'admin'] },
      body: createInvitationSchema,
      response: { status: 201, schema: createdInvitationSchema, description: 'The invitation was sent' },
      errors: [404, 409],
      handler: ({ body }, context) =>
        body.kind === 'worker' ? inviteWorker(body, context, settings) : inviteFamilyMember(body, context, settings),
    }),
    defineRoute({
      method: 'get',
      path: '/invitations/:token',
      summary: 'Who invited whom, as what, and whether the link still works',
      tag: 'invitations',
      access: { kind: 'public', why: 'the invited person has no login yet; the link is their only key' },
      params: invitationTokenParamsSchema,
      response: { status: 200, schema: invitationDetailsSchema, description: 'The invitation' },
      errors: [404],
      handler: ({ params }, context) => readInvitation(params.token, context),
    }),
    defineRoute({
      method: 'post',
      path: '/invitations/:token/accept',
      summary: 'Set the password with an invitation link; the link works once',
      tag: 'invitations',
      access: { kind: 'public', why: 'the invited person has no login yet; the link is their only key' },
      params: invitationTokenParamsSchema,
      body: setInvitationPasswordSchema,
      response: { status: 204, schema: z.void(), description: 'Password set; sign in with it' },
      errors: [404, 410],
      handler: ({ params, body }, context) => acceptInvitation(params.token, body.password, context),
    }),
  ];
}
