import { http, HttpResponse } from 'msw';

/**
 * The bell in the header asks for the unread count on every signed-in screen: by default there
 * is nothing unread. Tests of the bell itself replace these with `server.use`.
 */
export const quietNotificationHandlers = [
  http.get('/api/notifications/unread-count', () => HttpResponse.json({ unread: 0 })),
  http.get('/api/notifications', () => HttpResponse.json({ notifications: [], nextBefore: null })),
];
