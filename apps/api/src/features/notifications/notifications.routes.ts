import {
  notificationListQuerySchema,
  notificationListSchema,
  notificationParamsSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
  updateNotificationPreferencesSchema,
} from '@yhdessa/shared';
import { z } from 'zod';
import { defineRoute } from '../../http/route';
import {
  countUnreadNotifications,
  listNotifications,
  readAllNotifications,
  readNotification,
  readNotificationPreferences,
  updateNotificationPreferences,
} from './notifications.service';

/** Each reader's own notifications: the routes take no account id, so no one reaches another's. */
const readers = { kind: 'signed-in', roles: ['coordinator', 'worker', 'family'] } as const;

export const notificationsRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    summary: 'Your notifications, newest first, each about an item you may see now',
    tag: 'notifications',
    access: readers,
    query: notificationListQuerySchema,
    response: { status: 200, schema: notificationListSchema, description: 'A page of notifications' },
    handler: ({ query }, context) => listNotifications(query, context),
  }),
  defineRoute({
    method: 'get',
    path: '/notifications/unread-count',
    summary: 'How many of your notifications are unread (up to 100)',
    tag: 'notifications',
    access: readers,
    response: { status: 200, schema: unreadCountSchema, description: 'The unread count' },
    handler: (_input, context) => countUnreadNotifications(context),
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark all your notifications read',
    tag: 'notifications',
    access: readers,
    response: { status: 204, schema: z.void(), description: 'All read' },
    handler: (_input, context) => readAllNotifications(context),
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/:notificationId/read',
    summary: 'Mark one of your notifications read',
    tag: 'notifications',
    access: readers,
    params: notificationParamsSchema,
    response: { status: 204, schema: z.void(), description: 'Read' },
    handler: ({ params }, context) => readNotification(params, context),
  }),
  defineRoute({
    method: 'get',
    path: '/notifications/preferences',
    summary: 'Which kinds of notification you see in the app and get in the daily e-mail digest',
    tag: 'notifications',
    access: readers,
    response: { status: 200, schema: notificationPreferencesSchema, description: 'Your choice for each kind your role receives' },
    handler: (_input, context) => readNotificationPreferences(context),
  }),
  defineRoute({
    method: 'put',
    path: '/notifications/preferences',
    summary: 'Change which kinds of notification you see in the app and get in the daily e-mail digest',
    tag: 'notifications',
    access: readers,
    body: updateNotificationPreferencesSchema,
    response: { status: 200, schema: notificationPreferencesSchema, description: 'Your choices as stored' },
    handler: ({ body }, context) => updateNotificationPreferences(body, context),
  }),
];
