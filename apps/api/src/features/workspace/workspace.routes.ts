import { workspaceQuerySchema, workspaceSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { readWorkspace } from './workspace.service';

export const workspaceRoutes = [
  defineRoute({
    method: 'get',
    path: '/workspace',
    summary: "The caller's workspace: their families and what needs them now (coordinators and service workers)",
    tag: 'workspace',
    access: { kind: 'signed-in', roles: ['coordinator', 'worker'] },
    query: workspaceQuerySchema,
    response: { status: 200, schema: workspaceSchema, description: 'The workspace, by role' },
    handler: ({ query }, context) => readWorkspace(query, context),
  }),
];
