import {
  familyRoom,
  joinFamilySchema,
  socketEvents,
  type ClientToServerEvents,
  type Presence,
  type ServerToClientEvents,
} from '@yhdessa/shared';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { Actor } from '../core/actor';
import type { PresentSocket } from '../core/present-socket';

/** What each present socket may be told, in the same order (null: nothing); the access module decides. */
export type PresenceDecider = (familyId: string, present: readonly PresentSocket[], at: number) => Promise<(Presence | null)[]>;

type PresenceServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { actor: Actor }>;

export interface PresenceTracker {
  /** Tells everyone in the family's room who is there now (e.g. after a family member changed what they want to see). */
  refresh(familyId: string): Promise<void>;
  stop(): void;
}

/** `family:<id>` or one of its audience rooms `family:<id>:...`. */
const ROOM_OF_FAMILY = /^family:([^:]+)(?::|$)/;
/** Joins and leaves come in bursts (several audience rooms at once, several tabs at a sign-out): one refresh after each. */
const SETTLE_MS = 25;

/**
 * Who is looking at a family's plan: the sockets in its room, on every instance. No instance
 * keeps a list: a change to a family's rooms on this instance (a join, a leave, a closed tab or a
 * lost connection, a socket moved out when it lost access) makes this instance ask every
 * instance for the room's sockets (`fetchSockets`, through the Redis adapter when there is one)
 * and tell each of them what it may know. Call after the adapter is set: it listens to it.
 */
export function trackPresence(io: PresenceServer, decide: PresenceDecider, logger: Logger): PresenceTracker {
  const settling = new Map<string, NodeJS.Timeout>();

  async function gather(familyId: string) {
    const sockets = await io.in(familyRoom(familyId)).fetchSockets();
    const present = sockets.map((socket): PresentSocket => ({
      accountId: socket.data.actor.accountId,
      name: socket.data.actor.name,
      rooms: socket.rooms,
    }));
    return { sockets, seen: await decide(familyId, present, Date.now()) };
  }

  async function refresh(familyId: string): Promise<void> {
    const { sockets, seen } = await gather(familyId);
    sockets.forEach((socket, index) => {
      const presence = seen[index];
      if (presence) socket.emit(socketEvents.presenceChanged, presence);
    });
  }

  const onRoomChange = (room: string) => {
    const familyId = ROOM_OF_FAMILY.exec(room)?.[1];
    if (!familyId || settling.has(familyId)) return;
    const timer = setTimeout(() => {
      settling.delete(familyId);
      refresh(familyId).catch((error: unknown) => logger.error({ err: error, familyId }, 'presence refresh failed'));
    }, SETTLE_MS);
    settling.set(familyId, timer);
  };
  const adapter = io.of('/').adapter;
  adapter.on('join-room', onRoomChange);
  adapter.on('leave-room', onRoomChange);

  io.on('connection', (socket) => {
    socket.on(socketEvents.presenceRequest, async (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const parsed = joinFamilySchema.safeParse(payload);
      if (!parsed.success || !socket.rooms.has(familyRoom(parsed.data.familyId))) return reply(null);
      try {
        const { sockets, seen } = await gather(parsed.data.familyId);
        reply(seen[sockets.findIndex((each) => each.id === socket.id)] ?? null);
      } catch (error) {
        logger.error({ err: error }, 'presence request failed');
        reply(null);
      }
    });
  });

  return {
    refresh,
    stop() {
      adapter.off('join-room', onRoomChange);
      adapter.off('leave-room', onRoomChange);
      for (const timer of settling.values()) clearTimeout(timer);
      settling.clear();
    },
  };
}
