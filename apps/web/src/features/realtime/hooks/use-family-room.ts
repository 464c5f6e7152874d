import { useQueryClient } from '@tanstack/react-query';
import { familyEventSchema, socketEvents, type FamilyEvent, type FamilyRef, type JoinFamilyAck } from '@yhdessa/shared';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { useSocket } from '../../../lib/socket-client';
import { realtimeStateOf } from '../realtime-state';
import { useSocketConnected } from './use-socket-connected';

interface FamilyRoomHandlers {
  /** A change in this family committed on the server; each reaches the screen once. */
  onEvent: (event: FamilyEvent) => void;
  /** The server took this user out of the room: they lost access to the family. */
  onRevoked: () => void;
}

/**
 * Keeps the socket in the family's room while the screen is open, also across reconnects. Each
 * (re)join replays what the server's log holds after the last event applied here, as far as
 * this user may hear of it now; when too much was missed, everything of the family is read again.
 */
export function useFamilyRoom(familyId: string, handlers: FamilyRoomHandlers): { connected: boolean; connecting: boolean } {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const connected = useSocketConnected(socket);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!socket) return undefined;
    const { log, away } = realtimeStateOf(socket);
    const apply = (event: FamilyEvent) => {
      if (log.accept(event)) handlersRef.current.onEvent(event);
    };
    const caughtUp = (ack: JoinFamilyAck, rejoined: boolean) => {
      if (!ack.ok) return;
      // A read that failed while the connection was down is tried again now that it is back.
      if (rejoined)
        void queryClient.refetchQueries({
          queryKey: queryKeys.familyAll(familyId),
          predicate: (query) => query.state.status === 'error',
        });
      const { headSeq, events, complete } = ack.catchUp;
      if (!complete) {
        log.restart(familyId, headSeq);
        void queryClient.invalidateQueries({ queryKey: queryKeys.familyAll(familyId) });
        if (rejoined) away.report([], true);
        return;
      }
      const fresh = events.filter((event) => log.accept(event));
      log.reached(familyId, headSeq);
      for (const event of fresh) handlersRef.current.onEvent(event);
      if (rejoined) away.report(fresh);
    };
    const join = () => {
      const afterSeq = log.resumeFrom(familyId);
      socket.emit(socketEvents.joinFamily, { familyId, afterSeq }, (ack) => caughtUp(ack, afterSeq !== undefined));
    };
    const receive = (payload: FamilyEvent) => {
      const event = familyEventSchema.safeParse(payload);
      if (event.success && event.data.familyId === familyId) apply(event.data);
    };
    const revoke = (payload: FamilyRef) => {
      if (payload?.familyId === familyId) handlersRef.current.onRevoked();
    };
    socket.on('connect', join);
    socket.on(socketEvents.familyEvent, receive);
    socket.on(socketEvents.familyRevoked, revoke);
    if (socket.connected) join();
    else socket.connect();
    return () => {
      socket.off('connect', join);
      socket.off(socketEvents.familyEvent, receive);
      socket.off(socketEvents.familyRevoked, revoke);
      if (socket.connected) socket.emit(socketEvents.leaveFamily, { familyId });
    };
  }, [socket, familyId, queryClient]);

  // The socket's code comes after the first screen is drawn (lib/first-screen.ts): until then it is on its way, not lost.
  return { connected, connecting: socket === null };
}
