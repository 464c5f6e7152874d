/** What the composition root wires: the hook on every family event, and the periodic jobs. */
export { notifyOfFamilyEvent } from './notify-of-family-event';
export { startOverdueActionNotices } from './overdue-actions';
export { startNotificationDigests } from './notification-digest';
