import { presenceSchema, socketEvents, type Presence } from '@yhdessa/shared';
import { useEffect, useState } from 'react';
import { useSocket } from '../../../lib/socket-client';

/**
 * Who else is looking at the family's plan now, as the server tells this user; null until it
 * has. The server pushes every change; the hook also asks once on (re)connecting, in case the
 * push came before this screen listened. Use it next to `useFamilyRoom`: presence comes only
 * while the socket is in the family's room.
 */
export function useFamilyPresence(familyId: string): Presence | null {
  const socket = useSocket();
  const [presence, setPresence] = useState<Presence | null>(null);

  useEffect(() => {
    if (!socket) return undefined;
    // Two instances may answer out of order: the one gathered last wins.
    const take = (payload: unknown) => {
      const parsed = presenceSchema.safeParse(payload);
      if (!parsed.success || parsed.data.familyId !== familyId) return;
      setPresence((shown) => (shown?.familyId === familyId && shown.at > parsed.data.at ? shown : parsed.data));
    };
    const ask = () => socket.emit(socketEvents.presenceRequest, { familyId }, (answer) => answer && take(answer));
    // Whatever was shown is stale once the connection is gone.
    const forget = () => setPresence(null);
    socket.on(socketEvents.presenceChanged, take);
    socket.on('connect', ask);
    socket.on('disconnect', forget);
    if (socket.connected) ask();
    return () => {
      socket.off(socketEvents.presenceChanged, take);
      socket.off('connect', ask);
      socket.off('disconnect', forget);
    };
  }, [socket, familyId]);

  // Another family's, left from before the screen changed family, is not this one's.
  return presence?.familyId === familyId ? presence : null;
}
