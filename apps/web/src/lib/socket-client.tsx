import type { ClientToServerEvents, ServerToClientEvents } from '@yhdessa/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket, or how to get one: the app fetches socket.io's code only when a signed-in screen first needs it. */
export type SocketSource = AppSocket | (() => Promise<AppSocket>);

interface SocketState {
  socket: AppSocket | null;
  request: () => void;
}

const SocketContext = createContext<SocketState | null>(null);

export function SocketProvider({ source, children }: { source: SocketSource; children: ReactNode }) {
  const [socket, setSocket] = useState<AppSocket | null>(typeof source === 'function' ? null : source);
  const requested = useRef(false);
  const request = useCallback(() => {
    if (typeof source !== 'function' || requested.current) return;
    requested.current = true;
    source().then(setSocket, () => {
      // Its code did not arrive (offline): the next screen that needs the socket asks again.
      requested.current = false;
    });
  }, [source]);
  const state = useMemo(() => ({ socket, request }), [socket, request]);
  return <SocketContext.Provider value={state}>{children}</SocketContext.Provider>;
}

/** The app's one socket; null for the moment its code is still on its way, after the screen's first paint. */
export function useSocket(): AppSocket | null {
  const state = useContext(SocketContext);
  if (!state) throw new Error('useSocket needs a SocketProvider');
  const { request } = state;
  useEffect(request, [request]);
  return state.socket;
}
