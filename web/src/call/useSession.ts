// Re-renders with a RoomSession's snapshot whenever it changes.
import { useEffect, useState } from 'preact/hooks';
import type { RoomSession, Snapshot } from './session';

export function useSnapshot(session: RoomSession): Snapshot {
  const [snap, setSnap] = useState(session.snapshot);
  useEffect(() => {
    setSnap(session.snapshot);
    return session.subscribe(() => setSnap(session.snapshot));
  }, [session]);
  return snap;
}
