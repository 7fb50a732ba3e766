// A provider's (or manager's) side of an appointment room at /staff/rooms/{bookingId}: the
// same device check, call and chat as the consumer's, plus the lobby notices with Admit and
// Deny and "End meeting for everyone".
import { t } from '../i18n';
import { api, enc } from '../lib/api';
import type { JoinAnswer } from '../call/protocol';
import { RoomEntry } from '../call/RoomEntry';
import { Link } from '../components/ui';
import { CallSidePanel } from './CallSidePanel';

export function StaffRoom({ roomId, biz }: { roomId: string; biz: string }) {
  const back = (
    <p>
      <Link href="/staff/appointments">{t.backToAppointments}</Link>
    </p>
  );
  return (
    <RoomEntry
      key={roomId}
      storageKey={`visitd.host.${roomId}`}
      join={() => api<JoinAnswer>('POST', `/api/v1/rooms/${enc(roomId)}/join`)}
      intro={back}
      after={back}
      aside={<CallSidePanel biz={biz} bookingId={roomId} />}
    />
  );
}
