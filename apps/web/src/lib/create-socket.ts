import { io } from 'socket.io-client';
import type { AppSocket } from './socket-client';

/**
 * Same origin, default path `/socket.io`; connects only when a signed-in screen asks for it.
 * WebSocket only: with several API instances behind a load balancer, HTTP long-polling would
 * need sticky sessions, a WebSocket stays on the instance it reached.
 */
export function createSocket(): AppSocket {
  return io({ autoConnect: false, withCredentials: true, transports: ['websocket'] });
}
