// What, when (in the viewer's zone), with whom: shared by confirmation and manage pages.
import { t, locale } from '../i18n';
import type { Booking } from '../lib/types';
import { formatDateTime, formatTime, zoneLabel } from '../lib/tz';
import { buildIcs, downloadIcs } from '../lib/ics';

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

export function IcsButton({ booking, businessName, manageUrl }: { booking: Booking; businessName: string; manageUrl?: string }) {
  const onClick = () => {
    const ics = buildIcs({
      uid: `${booking.id}@visitd`,
      start: booking.start,
      end: booking.end,
      summary: t.icsSummary(booking.service?.name ?? '', businessName),
      description: manageUrl ? t.icsDescription(manageUrl) : undefined,
      url: manageUrl,
      stamp: new Date(),
    });
    downloadIcs('appointment.ics', ics);
  };
  return (
    <button type="button" class="btn-secondary" onClick={onClick}>
      {t.addToCalendar}
    </button>
  );
}
