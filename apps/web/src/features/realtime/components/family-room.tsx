import type { FamilyEvent, Presence } from '@yhdessa/shared';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useFamilyPresence } from '../hooks/use-family-presence';
import { useFamilyRoom } from '../hooks/use-family-room';

interface FamilyRoomState {
  connected: boolean;
  connecting: boolean;
  presence: Presence | null;
}

const FamilyRoomContext = createContext<FamilyRoomState | null>(null);

interface FamilyRoomProps {
  familyId: string;
  onEvent: (event: FamilyEvent) => void;
  onRevoked: () => void;
  children: ReactNode;
}

/**
 * Keeps the socket in the family's room while what it wraps is open (`useFamilyRoom`), with who else
 * is there. What the room's state changes (the socket's code arriving, connecting, someone coming)
 * draws again only where it is shown (`useFamilyRoomState`), not the whole screen it wraps.
 */
export function FamilyRoom({ familyId, onEvent, onRevoked, children }: FamilyRoomProps) {
  const { connected, connecting } = useFamilyRoom(familyId, { onEvent, onRevoked });
  const presence = useFamilyPresence(familyId);
  const state = useMemo(() => ({ connected, connecting, presence }), [connected, connecting, presence]);
  return <FamilyRoomContext.Provider value={state}>{children}</FamilyRoomContext.Provider>;
}

/** The live state of the family's room around this component. */
export function useFamilyRoomState(): FamilyRoomState {
  const state = useContext(FamilyRoomContext);
  if (!state) throw new Error('useFamilyRoomState needs a FamilyRoom');
  return state;
}
