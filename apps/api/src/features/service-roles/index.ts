/** What other features may use of service roles: the role an action or a note belongs to, and when an invitation is reminded. */
export { findServiceRole } from './service-roles.repository';
export { reminderDueAt } from './invitation-reminders';
