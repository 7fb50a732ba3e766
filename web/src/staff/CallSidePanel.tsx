// Beside the provider's call: who the client is, what they booked, their answers to the
// booking questions, the time left until the scheduled end (updated every 15 s) and the
// provider's private notes.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, enc } from '../lib/api';
import type { StaffBooking, Page, Service } from '../lib/types';
import { detectZone, formatTime } from '../lib/tz';
import { NotesPanel } from './NotesPanel';

const kTickMs = 15000;

export function CallSidePanel({ biz, bookingId }: { biz: string; bookingId: string }) {
  const [booking, setBooking] = useState<StaffBooking | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    api<StaffBooking>('GET', `${biz}/bookings/${enc(bookingId)}`).then(setBooking).catch(() => undefined);
    api<Page<Service>>('GET', `${biz}/services`).then((p) => setServices(p.items)).catch(() => undefined);
  }, [biz, bookingId]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), kTickMs);
    return () => window.clearInterval(timer);
  }, []);
  if (!booking) return null;
  const zone = detectZone();
  const service = services.find((s) => s.id === booking.serviceId);
  const left = Math.round((Date.parse(booking.end) - now) / 60000);
  const answers = Object.entries(booking.answers ?? {});
  return (
    <section class="card call-panel" aria-labelledby="call-panel-h" data-testid="call-panel">
      <h2 id="call-panel-h">{t.patientPanel}</h2>
      <dl class="summary">
        <dt>{t.patientWho}</dt>
        <dd>{booking.consumer.name}</dd>
        <dt>{t.patientService}</dt>
        <dd>{service?.name}</dd>
        <dt>{t.patientScheduled}</dt>
        <dd>
          {formatTime(booking.start, zone, locale)}–{formatTime(booking.end, zone, locale)}
        </dd>
        <dt>{t.patientTimeLeft}</dt>
        <dd data-testid="time-left">{left >= 0 ? t.minutesLeft(left) : t.overtime(-left)}</dd>
        {answers.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{service?.questions.find((q) => q.key === k)?.label ?? k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      {!answers.length && <p class="muted">{t.patientNoAnswers}</p>}
      <NotesPanel biz={biz} bookingId={bookingId} zone={zone} />
    </section>
  );
}
