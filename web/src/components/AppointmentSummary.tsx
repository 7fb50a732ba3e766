// What, when (in the viewer's zone), with whom: shared by confirmation and manage pages.
import { t, locale } from '../i18n';
import type { Booking } from '../lib/types';
import { formatDateTime, formatTime, zoneLabel } from '../lib/tz';

export function AppointmentSummary({ booking, zone }: { booking: Booking; zone: string }) {
  return (
    <dl class="summary">
      <dt>{t.whenLabel}</dt>
      <dd data-testid="when">
        {formatDateTime(booking.start, zone, locale)} – {formatTime(booking.end, zone, locale)}
      </dd>
      <dt>{t.zoneShort}</dt>
      <dd>{zoneLabel(zone, booking.start)}</dd>
      {booking.service && (
        <>
          <dt>{t.serviceShort}</dt>
          <dd>{booking.service.name}</dd>
        </>
      )}
      {booking.provider && (
        <>
          <dt>{t.providerShort}</dt>
          <dd>{booking.provider.name}</dd>
        </>
      )}
      <dt>{t.statusLabel}</dt>
      <dd data-testid="status">{t.statusNames[booking.status] ?? booking.status}</dd>
    </dl>
  );
}

/**
 * "Add to calendar": the server's .ics for this booking (GET /api/v1/manage/{token}/calendar.ics),
 * the same calendar object as the mailed invite (one UID, current SEQUENCE, join link), so later
 * mailed updates and a cancellation apply to the imported event instead of duplicating it.
 */
export function IcsButton({ token }: { token: string }) {
  const href = `/api/v1/manage/${encodeURIComponent(token)}/calendar.ics`;
  const onClick = () => {
    const a = document.createElement('a');
    a.href = href;
    a.download = 'appointment.ics';
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  return (
    <button type="button" class="btn-secondary" onClick={onClick}>
      {t.addToCalendar}
    </button>
  );
}
