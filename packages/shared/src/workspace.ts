import { z } from 'zod';
import { activityEntrySchema } from './activity';
import { personRefSchema } from './families';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema } from './ids';
import { cursorSchema, pageLimitSchema } from './paging';
import { actionSchema } from './plans';

/** The caller's families are listed, searched, sorted and paged by `GET /api/families`; the workspace is what needs them. */
export const workspaceQuerySchema = z.strictObject({
  /** Recent changes since this moment; the last 24 hours by default. */
  since: z.iso.datetime({ offset: true }).optional(),
});
export type WorkspaceQuery = z.infer<typeof workspaceQuerySchema>;

const familyRefSchema = z.object({ id: idSchema, name: z.string() });

export const workspaceActionSchema = z.object({
  family: familyRefSchema,
  action: actionSchema,
  service: z.object({ id: idSchema, name: localizedTextSchema }).nullable(),
});
export type WorkspaceAction = z.infer<typeof workspaceActionSchema>;

/** How many of its actions the workspace itself shows; `GET /api/workspace/actions` pages on from there. */
export const WORKSPACE_FIRST_ACTIONS = 10;

/**
 * One page of the actions that need the caller, the earliest due first: the coordinator's overdue
 * actions, the worker's due within two weeks or overdue.
 */
export const workspaceActionPageSchema = z.object({
  actions: z.array(workspaceActionSchema),
  /** Pass as `cursor` to `GET /api/workspace/actions` for the next page; null on the last. */
  nextCursor: cursorSchema.nullable(),
  /** How many there are in all. */
  count: z.number().int().min(0),
});
export type WorkspaceActionPage = z.infer<typeof workspaceActionPageSchema>;

export const workspaceActionsQuerySchema = z.strictObject({
  cursor: cursorSchema.optional(),
  limit: pageLimitSchema,
});
export type WorkspaceActionsQuery = z.infer<typeof workspaceActionsQuerySchema>;

/** The coordinator's morning: what needs them now, across their families. */
export const coordinatorWorkspaceSchema = z.object({
  role: z.literal('coordinator'),
  /** The first of the open actions past their day in the coordinator's open cases. */
  overdueActions: workspaceActionPageSchema,
  unansweredInvitations: z.array(
    z.object({
      family: familyRefSchema,
      serviceRoleId: idSchema,
      service: z.object({ id: idSchema, name: localizedTextSchema }),
      invitedAt: isoDateTimeSchema,
      ageDays: z.number().int(),
      /** When the reminder is due: two working days (Finnish public holidays respected) after the invitation. */
      reminderDueAt: isoDateTimeSchema,
      /** The reminder that went out, and to how many addresses (0: the service had no workers and no e-mail address). */
      reminder: z.object({ sentAt: isoDateTimeSchema, recipients: z.number().int().min(0) }).nullable(),
    }),
  ),
  upcomingReviews: z.array(z.object({ family: familyRefSchema, reviewId: idSchema, scheduledOn: isoDateSchema })),
  /** What changed in the coordinator's families in the period (the last 24 hours by default). */
  recentChanges: z.object({
    /** Changes in all, each counted once, grouped or not. */
    count: z.number().int(),
    /** The families that changed, the most recently changed first, with how many changes each. */
    families: z.array(z.object({ family: familyRefSchema, count: z.number().int().min(1) })),
    /** The newest few lines, worded and grouped like the family's activity. */
    latest: z.array(activityEntrySchema.extend({ family: familyRefSchema })),
  }),
  /** Cases other coordinators want to hand over to the caller; only the family's name is shown until accepted. */
  handoversToMe: z.array(z.object({ family: familyRefSchema, from: personRefSchema, requestedAt: isoDateTimeSchema })),
});
export type CoordinatorWorkspace = z.infer<typeof coordinatorWorkspaceSchema>;

/** A service worker's day: what is due in the families where their service works. */
export const workerWorkspaceSchema = z.object({
  role: z.literal('worker'),
  /** The first of the open actions of the caller's services due within 14 days or already overdue. */
  dueActions: workspaceActionPageSchema,
});
export type WorkerWorkspace = z.infer<typeof workerWorkspaceSchema>;

export const workspaceSchema = z.discriminatedUnion('role', [coordinatorWorkspaceSchema, workerWorkspaceSchema]);
export type Workspace = z.infer<typeof workspaceSchema>;
