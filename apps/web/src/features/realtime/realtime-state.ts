import type { AppSocket } from '../../lib/socket-client';
import { AwayChanges } from './away-changes';
import { FamilyEventLog } from './family-event-log';

interface RealtimeState {
  log: FamilyEventLog;
  away: AwayChanges;
}

const states = new WeakMap<AppSocket, RealtimeState>();

/** What the client knows of the live connection: one per socket, shared by every screen that uses it. */
export function realtimeStateOf(socket: AppSocket): RealtimeState {
  let state = states.get(socket);
  if (!state) {
    state = { log: new FamilyEventLog(), away: new AwayChanges() };
    states.set(socket, state);
  }
  return state;
}
