import type http from 'node:http';
import { parse as parseCookie } from 'cookie';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import {
  familyRoom,
  joinFamilySchema,
  socketEvents,
  type ClientToServerEvents,
  type JoinFamilyAck,
  type ServerToClientEvents,
} from '@yhdessa/shared';
import { familyAccessBasis, opensCase } from '../access/family-policy';
import { findFamilyRelation } from '../access/family-relation.repository';
import { resolveSessionActor, type SessionPolicy } from '../auth/session.service';
import { SESSION_COOKIE } from '../auth/session-token';
import type { Database } from '../db/database';
import type { Actor } from '../http/request-context';
import type { OriginCheck } from '../http/same-origin';
import { accessChangingEvents, type RealtimePublisher } from './realtime-publisher';

interface SocketData {
  actor: Actor;
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
    // Same origin only: a page elsewhere cannot ride on the user's cookie.
    allowRequest: (req, callback) => callback(null, isSameOrigin(req)),
  });

  io.use(async (socket, next) => {
    const cookies = parseCookie(socket.request.headers.cookie ?? '');
    const token = cookies[SESSION_COOKIE];
    const actor = token ? await resolveSessionActor(database.db, token, policy).catch(() => null) : null;
    if (!actor) {
      next(new Error('unauthenticated'));
      return;
    }
    if (actor.secondFactor !== 'done') {
      next(new Error('second_factor_required'));
      return;
    }
    socket.data.actor = actor;
    next();
  });

  io.on('connection', (socket: RealtimeSocket) => {
    // Personal rooms, so a sign-out or a disabled account can close its sockets on any instance.
    void socket.join([sessionRoom(socket.data.actor.sessionId), accountRoom(socket.data.actor.accountId)]);
    socket.on(socketEvents.joinFamily, async (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      try {
        reply(await joinFamily(socket, payload, database));
      } catch (error) {
        logger.error({ err: error }, 'family join failed');
        reply({ ok: false, code: 'not_found' });
      }
    });
    socket.on(socketEvents.leaveFamily, (payload) => {
      const parsed = joinFamilySchema.safeParse(payload);
      if (parsed.success) void socket.leave(familyRoom(parsed.data.familyId));
    });
  });
  return io;
}

async function joinFamily(socket: RealtimeSocket, payload: unknown, database: Database): Promise<JoinFamilyAck> {
  const parsed = joinFamilySchema.safeParse(payload);
  if (!parsed.success) return { ok: false, code: 'validation_failed' };
  const { actor } = socket.data;
  const relation = await findFamilyRelation(parsed.data.familyId, actor, database.db);
  if (!relation || !opensCase(familyAccessBasis(actor, relation))) return { ok: false, code: 'not_found' };
  await socket.join(familyRoom(parsed.data.familyId));
  return { ok: true };
}

const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const accountRoom = (accountId: string) => `account:${accountId}`;

export function createSocketPublisher(io: RealtimeServer, database: Database): RealtimePublisher {
  return {
    async publishFamilyEvent(event) {
      io.to(familyRoom(event.familyId)).emit(socketEvents.familyEvent, event);
      if (accessChangingEvents.has(event.type)) await evictWithoutAccess(io, database, event.familyId);
    },
    async endSessionSockets(sessionIds) {
      if (sessionIds.length > 0) io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
    },
    async endAccountSockets(accountId) {
      io.in(accountRoom(accountId)).disconnectSockets(true);
    },
  };
}

/** Re-checks every socket in the family's room (on every instance) and removes those that lost access. */
async function evictWithoutAccess(io: RealtimeServer, database: Database, familyId: string): Promise<void> {
  const room = familyRoom(familyId);
  for (const socket of await io.in(room).fetchSockets()) {
    const relation = await findFamilyRelation(familyId, socket.data.actor, database.db);
    if (relation && opensCase(familyAccessBasis(socket.data.actor, relation))) continue;
    socket.leave(room);
    socket.emit(socketEvents.familyRevoked, { familyId });
  }
}
