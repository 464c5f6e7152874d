import { useQueryClient } from '@tanstack/react-query';
import { notificationsChangedSchema, socketEvents } from '@yhdessa/shared';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { useSocket } from '../../../lib/socket-client';

/**
 * Keeps the bell current without a reload: the server tells the reader's own sockets when a
 * notification is made for them or they read some elsewhere, and the count and list are read
 * again (the payload names nothing). A reconnect reads them again too: news may have come meanwhile.
 */
export function useLiveNotifications(onCreated: () => void): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const onCreatedRef = useRef(onCreated);
  useEffect(() => {
    onCreatedRef.current = onCreated;
  });
  useEffect(() => {
    if (!socket) return undefined;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    const receive = (payload: unknown) => {
      const change = notificationsChangedSchema.safeParse(payload);
      if (!change.success) return;
      refresh();
      if (change.data.change === 'created') onCreatedRef.current();
    };
    socket.on(socketEvents.notificationsChanged, receive);
    socket.on('connect', refresh);
    if (!socket.connected) socket.connect();
    return () => {
      socket.off(socketEvents.notificationsChanged, receive);
      socket.off('connect', refresh);
    };
  }, [socket, queryClient]);
}
