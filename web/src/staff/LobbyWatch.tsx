// The provider's dashboard: for each appointment whose room is open, one lobby-only watch
// connection (docs/live-protocol.md, "Lobby watch mode"), so a waiting guest shows up here with
// Admit / Deny and a Join call link before the provider is in the call. A watch connection is
// never part of the call, so it does not change who sends the WebRTC offer.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, enc } from '../lib/api';
import type { StaffBooking, Service } from '../lib/types';
import { Link } from '../components/ui';
import { LiveSocket } from '../call/live';
import type { JoinAnswer, Participant, ServerMessage } from '../call/protocol';
import { roomWindow } from './JoinButton';

const kRecheckMs = 30000;

interface Waiting {
  roomId: string;
  guest: Pick<Participant, 'id' | 'name'>;
}

export function LobbyWatch({ bookings, services }: { bookings: StaffBooking[]; services: Service[] }) {
  const [now, setNow] = useState(Date.now());
  const [waiting, setWaiting] = useState<Record<string, Waiting[]>>({});
  const [sockets, setSockets] = useState<Record<string, LiveSocket>>({});
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), kRecheckMs);
    return () => window.clearInterval(timer);
  }, []);

  const open = bookings.filter((b) => {
    if (b.status !== 'confirmed') return false;
    const w = roomWindow(b, services.find((s) => s.id === b.serviceId));
    return now >= w.opens && now < w.closes;
  });
  const notices = open.flatMap((b) => (waiting[b.id] ?? []).map((w) => ({ ...w, booking: b })));

  return (
    <div class="lobby-notices" role="status" aria-live="polite">
      {open.map((b) => (
        <RoomWatch
          key={b.id}
          roomId={b.id}
          onWaiting={(list) => setWaiting((all) => ({ ...all, [b.id]: list }))}
          onSocket={(s) => setSockets((all) => ({ ...all, [b.id]: s }))}
        />
      ))}
      {notices.map(({ roomId, guest, booking }) => (
        <div class="lobby-notice" key={`${roomId}/${guest.id}`} data-waiting={guest.id}>
          <p>{t.lobbyWaiting(guest.name)}</p>
          <div class="actions">
            <button
              type="button"
              class="btn-primary"
              aria-label={t.admitName(guest.name)}
              onClick={() => sockets[roomId]?.send({ type: 'lobby.admit', participantId: guest.id })}
            >
              {t.admit}
            </button>{' '}
            <button
              type="button"
              class="btn-secondary"
              aria-label={t.denyName(guest.name)}
              onClick={() => sockets[roomId]?.send({ type: 'lobby.deny', participantId: guest.id })}
            >
              {t.deny}
            </button>{' '}
            <Link href={`/staff/rooms/${enc(booking.id)}`} class="btn-secondary">
              {t.joinCall}
              <span class="visually-hidden"> {t.joinCallWith(booking.consumer.name)}</span>
            </Link>
          </div>
        </div>
      ))}
    </div>
  );
}

// One watch connection for one room; renders nothing, reports the room's lobby upwards.
function RoomWatch({
  roomId,
  onWaiting,
  onSocket,
}: {
  roomId: string;
  onWaiting: (list: Waiting[]) => void;
  onSocket: (s: LiveSocket) => void;
}) {
  useEffect(() => {
    let list: Waiting[] = [];
    const set = (next: Waiting[]) => {
      list = next;
      onWaiting(next);
    };
    const join = () => api<JoinAnswer>('POST', `/api/v1/rooms/${enc(roomId)}/join`);
    const socket = new LiveSocket({
      join,
      watch: true,
      lastSeq: () => 0,
      onMessage: (m: ServerMessage) => {
        if (m.type === 'welcome' && Array.isArray(m.waiting)) {
          set((m.waiting as Participant[]).map((p) => ({ roomId, guest: { id: p.id, name: p.name } })));
        } else if (m.type === 'lobby.waiting' && m.participant) {
          const p = m.participant as Participant;
          set([...list.filter((w) => w.guest.id !== p.id), { roomId, guest: { id: p.id, name: p.name } }]);
        } else if (m.type === 'lobby.left' || m.type === 'lobby.decided') {
          set(list.filter((w) => w.guest.id !== m.participantId));
        }
      },
      onState: (s) => {
        if (s === 'closed') set([]);
      },
    });
    onSocket(socket);
    let stopped = false;
    join()
      .then((answer) => {
        if (!stopped) socket.start(answer);
      })
      .catch(() => undefined); // not allowed to host this room, or offline: no notices
    return () => {
      stopped = true;
      socket.stop();
      onWaiting([]);
    };
  }, [roomId]);
  return null;
}
