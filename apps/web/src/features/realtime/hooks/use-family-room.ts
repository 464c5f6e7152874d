import { familyEventSchema, socketEvents, type FamilyEvent, type JoinFamily } from '@yhdessa/shared';
import { useEffect, useRef } from 'react';
import { useSocket } from '../../../lib/socket-client';
import { useSocketConnected } from './use-socket-connected';

interface FamilyRoomHandlers {
  /** A change in this family committed on the server. */
  onEvent: (event: FamilyEvent) => void;
  /**
   * The room was (re)joined. Events sent while we were not in the room are gone, so the
   * screen should refetch what it shows.
   */
  onJoined: () => void;
  /** The server took this user out of the room: they lost access to the family. */
  onRevoked: () => void;
}

/** Keeps the socket in the family's room while the screen is open, also across reconnects. */
export function useFamilyRoom(familyId: string, handlers: FamilyRoomHandlers): { connected: boolean } {
  const socket = useSocket();
  const connected = useSocketConnected(socket);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    const join = () => {
      socket.emit(socketEvents.joinFamily, { familyId }, (ack) => {
        if (ack.ok) handlersRef.current.onJoined();
      });
    };
    const receive = (payload: FamilyEvent) => {
      const event = familyEventSchema.safeParse(payload);
      if (event.success && event.data.familyId === familyId) handlersRef.current.onEvent(event.data);
    };
    const revoke = (payload: JoinFamily) => {
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
  }, [socket, familyId]);

  return { connected };
}
