import type { ClientToServerEvents, ServerToClientEvents } from '@yhdessa/shared';
import { createContext, useContext } from 'react';
import { io, type Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Same origin, default path `/socket.io`; connects only when a signed-in screen asks for it.
 * WebSocket only: with several API instances behind a load balancer, HTTP long-polling would
 * need sticky sessions, a WebSocket stays on the instance it reached.
 */
export function createSocket(): AppSocket {
  return io({ autoConnect: false, withCredentials: true, transports: ['websocket'] });
}

export const SocketContext = createContext<AppSocket | null>(null);

export function useSocket(): AppSocket {
  const socket = useContext(SocketContext);
  if (!socket) throw new Error('useSocket needs a SocketContext provider');
  return socket;
}
