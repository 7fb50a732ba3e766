// "Join call" on an appointment: a live link while the room is open (from the service's
// roomOpenBeforeMinutes before the start to roomCloseAfterMinutes after the end), otherwise
// when it opens. Re-checked every 30 s so it turns live without a reload.
import { useEffect, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import type { StaffBooking, Service } from '../lib/types';
import { formatTime } from '../lib/tz';
import { Link } from '../components/ui';

// The server's defaults (docs/live-protocol.md) for services that do not say.
const kOpenBeforeMin = 15;
const kCloseAfterMin = 30;
const kRecheckMs = 30000;

type RoomService = Service & { roomOpenBeforeMinutes?: number; roomCloseAfterMinutes?: number };

export function roomWindow(b: StaffBooking, s?: RoomService): { opens: number; closes: number } {
  return {
    opens: Date.parse(b.start) - (s?.roomOpenBeforeMinutes ?? kOpenBeforeMin) * 60000,
    closes: Date.parse(b.end) + (s?.roomCloseAfterMinutes ?? kCloseAfterMin) * 60000,
  };
}

export function JoinButton({ booking, service, zone }: { booking: StaffBooking; service?: Service; zone: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), kRecheckMs);
    return () => window.clearInterval(timer);
  }, []);
  if (booking.status !== 'confirmed') return null;
  const w = roomWindow(booking, service as RoomService | undefined);
  if (now >= w.closes) return null;
  if (now < w.opens) {
    return <p class="muted room-opens">{t.roomOpensAt(formatTime(new Date(w.opens), zone, locale))}</p>;
  }
  return (
    <p class="join-call">
      <Link href={`/staff/rooms/${encodeURIComponent(booking.id)}`} class="btn-primary">
        {t.joinCall}
        <span class="visually-hidden"> {t.joinCallWith(booking.consumer.name)}</span>
      </Link>
    </p>
  );
}
