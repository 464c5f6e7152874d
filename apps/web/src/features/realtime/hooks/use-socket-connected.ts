import { useCallback, useSyncExternalStore } from 'react';
import type { AppSocket } from '../../../lib/socket-client';

export function useSocketConnected(socket: AppSocket | null): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!socket) return () => undefined;
      socket.on('connect', notify);
      socket.on('disconnect', notify);
      return () => {
        socket.off('connect', notify);
        socket.off('disconnect', notify);
      };
    },
    [socket],
  );
  return useSyncExternalStore(subscribe, () => socket?.connected ?? false);
}
