import { z } from 'zod';
import { personRefSchema } from './families';
import { idSchema, isoDateSchema, isoDateTimeSchema, localizedTextSchema } from './ids';
import { planPartSchema } from './consents';

/**
 * What a notification tells its reader of. Each kind has its own recipients (see the API's
 * `notification-recipients.ts`) and its own words in the web client.
 */
export const notificationKinds = [
  'actionAssigned',
  'actionOverdue',
  'commentAdded',
  'serviceRoleChanged',
  'invitationReceived',
  'invitationAnswered',
  'handoverRequested',
  'reviewScheduled',
  'reviewCompleted',
  'consentChanged',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** The kinds each role can receive, in the order the settings list them. */
export const notificationKindsOfRole = {
  coordinator: ['commentAdded', 'invitationAnswered', 'handoverRequested', 'consentChanged'],
  worker: [
    'actionAssigned',
    'actionOverdue',
    'commentAdded',
    'serviceRoleChanged',
    'invitationReceived',
    'reviewScheduled',
    'reviewCompleted',
    'consentChanged',
  ],
  family: ['actionAssigned', 'actionOverdue', 'commentAdded', 'reviewScheduled', 'reviewCompleted'],
} as const satisfies Record<'coordinator' | 'worker' | 'family', readonly NotificationKind[]>;
export type NotifiedRole = keyof typeof notificationKindsOfRole;

const serviceName = localizedTextSchema;

/**
 * What each kind keeps to be put into words: only what its reader could read in the plan when it
 * was made, and shown only while they still may. Per kind, so the client words each one fully.
 */
export const notificationDetailsSchemas = {
  actionAssigned: z.object({ title: z.string(), serviceName: serviceName.nullable(), dueOn: isoDateSchema.nullable() }),
  actionOverdue: z.object({ title: z.string(), serviceName: serviceName.nullable(), dueOn: isoDateSchema }),
  commentAdded: z.object({ on: z.enum(['goal', 'action', 'story']), title: z.string().nullable() }),
  serviceRoleChanged: z.object({ serviceName, change: z.enum(['updated', 'ended']), endsOn: isoDateSchema.nullable() }),
  invitationReceived: z.object({ serviceName }),
  invitationAnswered: z.object({ serviceName, answer: z.enum(['accepted', 'declined']) }),
  handoverRequested: z.object({}),
  reviewScheduled: z.object({ scheduledOn: isoDateSchema }),
  reviewCompleted: z.object({ scheduledOn: isoDateSchema, planVersion: z.number().int().min(1).nullable() }),
  consentChanged: z.object({ serviceName, part: planPartSchema, granted: z.boolean() }),
} as const satisfies Record<NotificationKind, z.ZodType>;
export type NotificationDetails<K extends NotificationKind = NotificationKind> = z.infer<(typeof notificationDetailsSchemas)[K]>;

const notificationBase = {
  id: idSchema,
  family: z.object({ id: idSchema, name: z.string() }),
  /** The item it is about: an action, a goal, a service role, a review, a consent decision, or the family itself. */
  itemId: idSchema,
  /** Who made the change; null for what the clock brought (an action that fell overdue). */
  actor: personRefSchema.nullable(),
  createdAt: isoDateTimeSchema,
  readAt: isoDateTimeSchema.nullable(),
};

const notificationOf = <K extends NotificationKind>(kind: K) =>
  z.object({ ...notificationBase, kind: z.literal(kind), details: notificationDetailsSchemas[kind] });

/** One notification as its reader sees it; the item is one they may see now. */
export const notificationSchema = z.discriminatedUnion('kind', [
  notificationOf('actionAssigned'),
  notificationOf('actionOverdue'),
  notificationOf('commentAdded'),
  notificationOf('serviceRoleChanged'),
  notificationOf('invitationReceived'),
  notificationOf('invitationAnswered'),
  notificationOf('handoverRequested'),
  notificationOf('reviewScheduled'),
  notificationOf('reviewCompleted'),
  notificationOf('consentChanged'),
]);
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  /** Page backwards: notifications older than the one with this id. */
  before: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  /** Newest first. */
  notifications: z.array(notificationSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: idSchema.nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** Counted up to `UNREAD_COUNT_CAP`; the bell shows more as "99+". */
export const UNREAD_COUNT_CAP = 100;
export const unreadCountSchema = z.object({ unread: z.number().int().min(0).max(UNREAD_COUNT_CAP) });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const notificationParamsSchema = z.strictObject({ notificationId: idSchema });
export type NotificationParams = z.infer<typeof notificationParamsSchema>;

export const notificationPreferenceSchema = z.strictObject({
  kind: notificationKindSchema,
  /** Shown in the bell (and pushed live). */
  inApp: z.boolean(),
  /** Counted in the daily e-mail digest. */
  emailDigest: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** The reader's choice for each kind their role can receive. */
export const notificationPreferencesSchema = z.object({ preferences: z.array(notificationPreferenceSchema) });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const updateNotificationPreferencesSchema = z.strictObject({
  preferences: z
    .array(notificationPreferenceSchema)
    .min(1)
    .max(notificationKinds.length)
    .refine((preferences) => new Set(preferences.map((each) => each.kind)).size === preferences.length, {
      message: 'Each kind once',
    }),
});
export type UpdateNotificationPreferences = z.infer<typeof updateNotificationPreferencesSchema>;

/**
 * Pushed to the reader's own sockets (every tab, every instance) after a commit: a notification
 * was made for them, or they read some. It carries nothing of the item; the client asks again.
 */
export const notificationsChangedSchema = z.object({ change: z.enum(['created', 'read']) });
export type NotificationsChanged = z.infer<typeof notificationsChangedSchema>;
