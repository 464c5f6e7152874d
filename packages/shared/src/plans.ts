import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema, versionSchema } from './ids';
import { planPartSchema } from './consents';
import { familyMemberSchema, familyStatusSchema, personRefSchema } from './families';
import { noteVisibilitySchema } from './notes';
import { endings } from './endings';
import { attainmentLevelSchema, attainmentScaleSchema, goalAttainmentSchema } from './goal-attainment';

export const actionStatuses = ['planned', 'in_progress', 'done'] as const;
export const actionStatusSchema = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

/** A goal is open until it ends in one of the `endings`; reopening makes it open again. */
export const goalStatuses = ['open', ...endings] as const;
export const goalStatusSchema = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof goalStatusSchema>;

export const serviceRoleStatuses = ['invited', 'accepted', 'declined', 'ended'] as const;
export const serviceRoleStatusSchema = z.enum(serviceRoleStatuses);
export type ServiceRoleStatus = z.infer<typeof serviceRoleStatusSchema>;

export const actionSchema = z.object({
  id: idSchema,
  /** The service role that owns this action; null when the family itself does it. */
  serviceRoleId: idSchema.nullable(),
  goalId: idSchema.nullable(),
  title: z.string(),
  ownerName: z.string(),
  dueOn: isoDateSchema.nullable(),
  status: actionStatusSchema,
  /** Past its due date and not done. */
  overdue: z.boolean(),
  version: versionSchema,
  updatedAt: isoDateTimeSchema,
});
export type Action = z.infer<typeof actionSchema>;

/** One dated entry of how a goal is going. */
export const goalProgressSchema = z.object({
  id: idSchema,
  recordedOn: isoDateSchema,
  value: z.string(),
  note: z.string(),
  recordedBy: personRefSchema,
});

export const goalSchema = z.object({
  id: idSchema,
  title: z.string(),
  /** Whose goal it is, in the family's words. */
  ownerName: z.string(),
  indicator: z.string(),
  baseline: z.string(),
  target: z.string(),
  targetOn: isoDateSchema.nullable(),
  status: goalStatusSchema,
  /** The day the goal ended; null while it is open (and on goals ended before endings had dates). */
  endedOn: isoDateSchema.nullable(),
  /** Goal attainment scaling: what each level looks like; null when the goal has no levels. */
  attainmentScale: attainmentScaleSchema.nullable(),
  /** The level the goal reached, recorded when a goal with levels ends (not when it is dropped). */
  attainedLevel: attainmentLevelSchema.nullable(),
  version: versionSchema,
  /** Oldest first. */
  progress: z.array(goalProgressSchema),
});
export type Goal = z.infer<typeof goalSchema>;

export const serviceRefSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  category: z.string(),
  contact: z.string(),
});

export const serviceRoleSchema = z.object({
  id: idSchema,
  service: serviceRefSchema,
  status: serviceRoleStatusSchema,
  description: z.string(),
  responsibleWorker: personRefSchema.nullable(),
  startsOn: isoDateSchema.nullable(),
  endsOn: isoDateSchema.nullable(),
  version: versionSchema,
  actions: z.array(actionSchema),
});
export type ServiceRole = z.infer<typeof serviceRoleSchema>;

/** The plan's content, as it is frozen in a plan version: what it says, not who may change it. */
export const planSnapshotSchema = z.object({
  family: z.object({
    id: idSchema,
    name: z.string(),
    status: familyStatusSchema,
    coordinator: personRefSchema,
  }),
  version: versionSchema,
  updatedAt: isoDateTimeSchema,
  /** The plan parts the caller may see; for a service, what the family consented to share with it. */
  sharedParts: z.array(planPartSchema),
  members: z.array(familyMemberSchema),
  /** Empty when goals are not shared with the caller. */
  goals: z.array(goalSchema),
  serviceRoles: z.array(serviceRoleSchema),
  /** Actions the family does itself. */
  familyActions: z.array(actionSchema),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

/**
 * The note visibilities the caller may give a note written there; empty when they may not write
 * there at all (the family writes only notes it can read itself).
 */
const noteVisibilitiesSchema = z.array(noteVisibilitySchema);

/** What the caller may do with one action, as the server decides it. */
export const actionCapabilitiesSchema = z.object({
  /** Change its status and its other fields (title, owner, due date, goal). False on a closed case for everyone. */
  changeStatus: z.boolean(),
});
export type ActionCapabilities = z.infer<typeof actionCapabilitiesSchema>;

/** An action in the plan, with what the caller may do with it. */
export const planActionSchema = actionSchema.extend({ can: actionCapabilitiesSchema });
export type PlanAction = z.infer<typeof planActionSchema>;

/** What the caller may do with one service's role, as the server decides it. */
export const serviceRoleCapabilitiesSchema = z.object({
  /** Change what the role is and who is responsible. */
  edit: z.boolean(),
  /** Set when the role starts and ends: how long its service sees the family. */
  setDates: z.boolean(),
  /** End the role; its workers lose access to the family. */
  end: z.boolean(),
  /** Add an action to the role (only an accepted role takes actions). */
  addAction: z.boolean(),
  writeNotes: noteVisibilitiesSchema,
  /** Record and correct the units the service provided (only a role the service accepted takes usage). */
  recordUsage: z.boolean(),
});
export type ServiceRoleCapabilities = z.infer<typeof serviceRoleCapabilitiesSchema>;

/** A service's role in the plan, with what the caller may do with it and its actions. */
export const planServiceRoleSchema = serviceRoleSchema.extend({
  can: serviceRoleCapabilitiesSchema,
  actions: z.array(planActionSchema),
});
export type PlanServiceRole = z.infer<typeof planServiceRoleSchema>;

/** What the caller may do with the plan as a whole, as the server decides it. */
export const planCapabilitiesSchema = z.object({
  editStory: z.boolean(),
  /** Comment on the story or ask for a correction (the family). */
  commentOnStory: z.boolean(),
  /** Mark the family's comments on the story resolved (the coordinator). */
  resolveStoryComments: z.boolean(),
  editAssessment: z.boolean(),
  addGoal: z.boolean(),
  /** Record progress on the goals the caller sees. */
  addProgress: z.boolean(),
  /** Reword a goal, end it (reached, partly, not reached, dropped) or reopen it. */
  changeGoals: z.boolean(),
  inviteService: z.boolean(),
  /** Give a family member a login of their own. */
  inviteMember: z.boolean(),
  /** On the family's own part of the plan, not on a service's role. */
  writeNotes: noteVisibilitiesSchema,
  /** Schedule, write up and complete plan reviews. */
  manageReviews: z.boolean(),
  /** Put a topic on a review's agenda. */
  proposeAgenda: z.boolean(),
  /** Add and correct the family's members. */
  editMembers: z.boolean(),
  /** Close an open case, or reopen a closed one. */
  changeCaseStatus: z.boolean(),
  /** Hand the case over to another coordinator. */
  handOver: z.boolean(),
  /** Read the recorded service usage and what it cost (a service: only its own). */
  readCosts: z.boolean(),
  /** Read the plain summary of the services the family received, without prices (the family). */
  readUsageSummary: z.boolean(),
  /** Read the family's feedback requests (the family, and the coordinator; never a service). */
  readFeedback: z.boolean(),
});
export type PlanCapabilities = z.infer<typeof planCapabilitiesSchema>;

/**
 * The family's one shared plan as the caller may see it, with what they may do in it (`can`, on
 * the plan, each service role and each action). The server decides; the client only follows.
 */
export const planSchema = planSnapshotSchema.extend({
  can: planCapabilitiesSchema,
  /** How the goals the caller sees have gone, counted; all zero when goals are not shared with them. */
  attainment: goalAttainmentSchema,
  serviceRoles: z.array(planServiceRoleSchema),
  familyActions: z.array(planActionSchema),
  /**
   * For a family member: when they last read the plan before this sign-in, so their home can say
   * what changed since; null on their first visit and for everyone else.
   */
  lastVisitAt: isoDateTimeSchema.nullable(),
});
export type Plan = z.infer<typeof planSchema>;

export const serviceRoleParamsSchema = z.strictObject({ familyId: idSchema, serviceRoleId: idSchema });
export type ServiceRoleParams = z.infer<typeof serviceRoleParamsSchema>;

export const endServiceRoleSchema = z.strictObject({
  version: versionSchema,
  endsOn: isoDateSchema.optional(),
});
export type EndServiceRole = z.infer<typeof endServiceRoleSchema>;

export const serviceRoleSummarySchema = serviceRoleSchema.omit({ actions: true, service: true }).extend({ serviceId: idSchema });
export type ServiceRoleSummary = z.infer<typeof serviceRoleSummarySchema>;
