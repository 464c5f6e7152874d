/** What the composition root wires: the hook on every family event, and the periodic jobs. */
export { notifyOfFamilyEvent } from './notify-of-family-event';
