import { workspaceActionPageSchema, workspaceActionsQuerySchema, workspaceQuerySchema, workspaceSchema } from '@yhdessa/shared';
import { defineRoute } from '../../http/route';
import { readWorkspace, readWorkspaceActions } from './workspace.service';

export const workspaceRoutes = [
  defineRoute({
    method: 'get',
    path: '/workspace',
    summary: "The caller's workspace: what needs them now across their families (coordinators and service workers)",
    tag: 'workspace',
    access: { kind: 'signed-in', roles: ['coordinator', 'worker'] },
    query: workspaceQuerySchema,
    response: { status: 200, schema: workspaceSchema, description: 'The workspace, by role' },
    handler: ({ query }, context) => readWorkspace(query, context),
  }),
  defineRoute({
    method: 'get',
    path: '/workspace/actions',
    summary:
      "The actions that need the caller, a page at a time after the workspace's first: the coordinator's overdue ones, the worker's due within two weeks",
    tag: 'workspace',
    access: { kind: 'signed-in', roles: ['coordinator', 'worker'] },
    query: workspaceActionsQuerySchema,
    response: { status: 200, schema: workspaceActionPageSchema, description: 'A page of actions, the earliest due first' },
    handler: ({ query }, context) => readWorkspaceActions(query, context),
  }),
];
