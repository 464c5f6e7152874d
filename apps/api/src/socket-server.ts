import type http from 'node:http';
import { parse as parseCookie } from 'cookie';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import {
  familyRefSchema,
  familyRoom,
  joinFamilySchema,
  type FamilyCatchUp,
  socketEvents,
  type ClientToServerEvents,
  type JoinFamilyAck,
  type ServerToClientEvents,
} from '@yhdessa/shared';
import { audienceRoomsOf, eventAudienceOf, eventRooms, isRoomOfFamily } from './access/event-audience';
import { findFamilyRelation, type FamilyRelation } from './access/family-relation.repository';
import { resolveSessionActor, type SessionPolicy } from './features/auth/session.service';
import { SESSION_COOKIE } from './features/auth/session-token';
import { startPeriodicJob } from './core/periodic-job';
import type { Database } from './db/database';
import type { Actor } from './core/actor';
import type { OriginCheck } from './http/same-origin';
import {
  countFamilyEventsAfter,
  findFamilyEventHead,
  listFamilyEventsAfter,
  listRecentFamilyEvents,
  type StoredFamilyEvent,
} from './realtime/family-events.repository';
import type { PresenceTracker } from './realtime/presence';
import { accessChangingEvents, type RealtimePublisher } from './realtime/realtime-publisher';

interface SocketData {
  actor: Actor;
  /** The session cookie's token: every join and every re-check looks the session up again. */
  sessionToken: string;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** socket.io on the API's own HTTP server: only signed-in sessions connect, rooms only through the access module. */
export function createRealtimeServer(
  httpServer: http.Server,
  database: Database,
  policy: SessionPolicy,
  logger: Logger,
  isSameOrigin: OriginCheck,
): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // A client that hears no ping for interval + timeout (7 s) knows the server stopped answering,
    // and its banner says so 3 s later: within 10 s of a server freezing.
    pingInterval: 4_000,
    pingTimeout: 3_000,
    // Same origin only: a page elsewhere cannot ride on the user's cookie.
    allowRequest: (req, callback) => callback(null, isSameOrigin(req)),
  });

  io.use(async (socket, next) => {
    const cookies = parseCookie(socket.request.headers.cookie ?? '');
    const token = cookies[SESSION_COOKIE];
    const actor = token ? await resolveSessionActor(database.db, token, policy).catch(() => null) : null;
    if (!token || !actor) {
      next(new Error('unauthenticated'));
      return;
    }
    if (actor.secondFactor !== 'done') {
      next(new Error('second_factor_required'));
      return;
    }
    socket.data.actor = actor;
    socket.data.sessionToken = token;
    next();
  });

  io.on('connection', (socket: RealtimeSocket) => {
    // Personal rooms, so a sign-out or a disabled account can close its sockets on any instance.
    void socket.join([sessionRoom(socket.data.actor.sessionId), accountRoom(socket.data.actor.accountId)]);
    socket.on(socketEvents.joinFamily, async (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      try {
        reply(await joinFamily(socket, payload, database, policy));
      } catch (error) {
        logger.error({ err: error }, 'family join failed');
        reply({ ok: false, code: 'not_found' });
      }
    });
    socket.on(socketEvents.leaveFamily, (payload) => {
      const parsed = familyRefSchema.safeParse(payload);
      if (parsed.success) leaveFamilyRooms(socket, parsed.data.familyId);
    });
  });
  return io;
}

/** A join re-checks the session itself (not the handshake's copy of it), then the relation. */
async function joinFamily(
  socket: RealtimeSocket,
  payload: unknown,
  database: Database,
  policy: SessionPolicy,
): Promise<JoinFamilyAck> {
  const parsed = joinFamilySchema.safeParse(payload);
  if (!parsed.success) return { ok: false, code: 'validation_failed' };
  const actor = await resolveSessionActor(database.db, socket.data.sessionToken, policy);
  if (!actor) {
    // The answer goes out first; then the socket of the ended session closes.
    setImmediate(() => socket.disconnect(true));
    return { ok: false, code: 'not_found' };
  }
  socket.data.actor = actor;
  const relation = await findFamilyRelation(parsed.data.familyId, actor, database.db);
  const rooms = relation ? audienceRoomsOf(actor, relation) : [];
  if (rooms.length === 0) return { ok: false, code: 'not_found' };
  // In the rooms first, then the log: an event committed meanwhile arrives twice, never not at all.
  await socket.join(rooms);
  return { ok: true, catchUp: await catchUpFamily(actor, relation!, parsed.data.afterSeq, database) };
}

/** More missed events than this and the client reads everything again instead. */
export const CATCH_UP_LIMIT = 500;
/** A screen's first join replays this much, covering what it read just before joining. */
const FIRST_JOIN_REPLAY_SECONDS = 60;

/** The events after the client's position that its reader may hear of now, access decided again. */
async function catchUpFamily(
  actor: Actor,
  relation: FamilyRelation,
  afterSeq: number | undefined,
  database: Database,
): Promise<FamilyCatchUp> {
  const { familyId } = relation;
  const headSeq = await findFamilyEventHead(familyId, database.db);
  const hears = eventAudienceOf(actor, relation);
  const audible = (stored: StoredFamilyEvent[]) =>
    stored.filter(({ event, subject }) => hears(event.type, subject)).map(({ event }) => event);
  if (afterSeq === undefined)
    return {
      headSeq,
      complete: true,
      events: audible(await listRecentFamilyEvents(familyId, FIRST_JOIN_REPLAY_SECONDS, database.db)),
    };
  // A position the log never reached (a database restored from a backup): nothing can be replayed.
  if (afterSeq > headSeq || (await countFamilyEventsAfter(familyId, afterSeq, database.db)) > CATCH_UP_LIMIT)
    return { headSeq, complete: false, events: [] };
  return { headSeq, complete: true, events: audible(await listFamilyEventsAfter(familyId, afterSeq, database.db)) };
}

function leaveFamilyRooms(socket: Pick<RealtimeSocket, 'rooms' | 'leave'>, familyId: string): void {
  for (const room of [...socket.rooms]) if (isRoomOfFamily(room, familyId)) void socket.leave(room);
}

/** The family ids whose rooms a socket is in. */
function joinedFamilies(rooms: Iterable<string>): string[] {
  return [...rooms].flatMap((room) => (/^family:[^:]+$/.test(room) ? [room.slice('family:'.length)] : []));
}

/**
 * A socket lives no longer than its session, and stays in a family's rooms no longer than its
 * access: every `intervalMs` each socket on this instance has its session looked up again
 * (without counting as activity, so an open but idle tab ends at the idle limit as HTTP does),
 * and each family it follows has its relation re-decided (a role whose end date has passed in
 * Helsinki, a withdrawn consent). Returns the function that stops it.
 */
export function startSocketRechecks(
  io: RealtimeServer,
  database: Database,
  policy: SessionPolicy,
  logger: Logger,
  intervalMs: number,
): () => void {
  return startPeriodicJob('socket re-check', intervalMs, logger, () => recheckSockets(io, database, policy));
}

async function recheckSockets(io: RealtimeServer, database: Database, policy: SessionPolicy): Promise<void> {
  for (const socket of io.of('/').sockets.values()) {
    const actor = await resolveSessionActor(database.db, socket.data.sessionToken, policy, { activity: false });
    if (!actor) {
      socket.disconnect(true);
      continue;
    }
    socket.data.actor = actor;
    for (const familyId of joinedFamilies(socket.rooms)) await refreshFamilyRooms(socket, familyId, database);
  }
}

/** Moves a socket into the family's audience rooms its access opens now; out of all of them when it lost access. */
async function refreshFamilyRooms(
  socket: Pick<RealtimeSocket, 'rooms' | 'join' | 'leave' | 'emit' | 'data'>,
  familyId: string,
  database: Database,
): Promise<void> {
  const relation = await findFamilyRelation(familyId, socket.data.actor, database.db);
  const rooms = relation ? audienceRoomsOf(socket.data.actor, relation) : [];
  for (const room of [...socket.rooms]) if (isRoomOfFamily(room, familyId) && !rooms.includes(room)) void socket.leave(room);
  if (rooms.length === 0) socket.emit(socketEvents.familyRevoked, { familyId });
  else void socket.join(rooms);
}

const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const accountRoom = (accountId: string) => `account:${accountId}`;

export function createSocketPublisher(io: RealtimeServer, database: Database, presence: PresenceTracker): RealtimePublisher {
  return {
    async publishFamilyEvent(event, subject) {
      io.to(eventRooms(event.familyId, event.type, subject)).emit(socketEvents.familyEvent, event);
      if (accessChangingEvents.has(event.type)) await refreshRoomsOfFamily(io, database, event.familyId);
    },
    async endSessionSockets(sessionIds) {
      if (sessionIds.length > 0) io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
    },
    async endAccountSockets(accountId) {
      io.in(accountRoom(accountId)).disconnectSockets(true);
    },
    async publishNotifications(accountIds, change) {
      if (accountIds.length > 0) io.to(accountIds.map(accountRoom)).emit(socketEvents.notificationsChanged, change);
    },
    refreshPresence: (familyId) => presence.refresh(familyId),
  };
}

/** Re-decides every socket in the family's room (on every instance): who stays, and in which audience rooms. */
async function refreshRoomsOfFamily(io: RealtimeServer, database: Database, familyId: string): Promise<void> {
  for (const socket of await io.in(familyRoom(familyId)).fetchSockets()) await refreshFamilyRooms(socket, familyId, database);
}
