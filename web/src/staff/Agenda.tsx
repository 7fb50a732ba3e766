// A provider's day or week at a glance: one line per appointment in time order, opening the
// full card (details, join, complete, cancel) in place. Keyboard: left/right move the period,
// up/down move between appointments.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import type { StaffBooking, Provider, Service } from '../lib/types';
import { addDays, dateInZone, formatDate, formatTime, isoWeekday, zonedTimeToUtc, type Ymd } from '../lib/tz';
import { ErrorMessage, Loading } from '../components/ui';
import type { StaffContext } from './session';
import { fetchAllBookings, type AllBookings } from './bookings_query';

interface Props {
  mode: 'day' | 'week';
  ctx: StaffContext;
  zone: string;
  now: number;
  today: Ymd;
  providerId: string;
  status: string;
  lookups: { providers: Provider[]; services: Service[] };
  renderCard: (b: StaffBooking, onChange: () => void) => ComponentChildren;
}

export function Agenda({ mode, ctx, zone, today, providerId, status, lookups, renderCard }: Props) {
  const [anchor, setAnchor] = useState<Ymd>(today);
  const [data, setData] = useState<AllBookings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const first = mode === 'day' ? anchor : addDays(anchor, 1 - isoWeekday(anchor));
  const days = Array.from({ length: mode === 'day' ? 1 : 7 }, (_, i) => addDays(first, i));
  const step = mode === 'day' ? 1 : 7;

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    fetchAllBookings(ctx.biz, {
      from: zonedTimeToUtc(first, '00:00', zone).toISOString(),
      to: zonedTimeToUtc(addDays(first, days.length), '00:00', zone).toISOString(),
      providerId,
      status,
    })
      .then((d) => live && setData(d))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [ctx.biz, first, days.length, providerId, status, zone, version]);

  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.closest('article')) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      setAnchor(addDays(anchor, e.key === 'ArrowLeft' ? -step : step));
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const entries = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.agenda-entry') ?? [])];
      if (!entries.length) return;
      e.preventDefault();
      const i = entries.indexOf(target as HTMLButtonElement);
      const next = i < 0 ? 0 : Math.min(entries.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)));
      entries[next].focus();
    }
  };

  const title = mode === 'day' ? formatDate(first, locale) : t.agendaWeekOf(formatDate(first, locale, 'short'), formatDate(days[6], locale, 'short'));
  const byDay = new Map<Ymd, StaffBooking[]>(days.map((d) => [d, []]));
  for (const b of data?.items ?? []) byDay.get(dateInZone(b.start, zone))?.push(b);
  for (const list of byDay.values()) list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const openBooking = data?.items.find((b) => b.id === open);

  return (
    <section class="agenda" aria-labelledby="agenda-h" onKeyDown={onKey}>
      <div class="agenda-head">
        <button type="button" class="btn-secondary" onClick={() => setAnchor(addDays(anchor, -step))}>
          <span aria-hidden="true">‹ </span>
          {mode === 'day' ? t.agendaPrevDay : t.agendaPrevWeek}
        </button>
        <h2 id="agenda-h" aria-live="polite" tabIndex={-1}>
          {title}
        </h2>
        <button type="button" class="btn-secondary" onClick={() => setAnchor(today)} disabled={days.includes(today)}>
          {t.agendaToday}
        </button>
        <button type="button" class="btn-secondary" onClick={() => setAnchor(addDays(anchor, step))}>
          {mode === 'day' ? t.agendaNextDay : t.agendaNextWeek}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p class="muted">{t.agendaKeys}</p>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <p class="muted" data-testid="agenda-count">
            {t.agendaCount(data.items.length)}
          </p>
          <div class={mode === 'week' ? 'agenda-week' : 'agenda-day'} ref={listRef}>
            {days.map((d) => (
              <section key={d} class={`agenda-col${d === today ? ' agenda-today' : ''}`} aria-label={formatDate(d, locale)} data-date={d}>
                {mode === 'week' && <h3>{formatDate(d, locale, 'short')}</h3>}
                {byDay.get(d)!.length === 0 && <p class="muted">{t.agendaEmptyDay}</p>}
                <ol class="agenda-list">
                  {byDay.get(d)!.map((b) => {
                    const service = lookups.services.find((s) => s.id === b.serviceId);
                    const when = `${formatTime(b.start, zone, locale)}–${formatTime(b.end, zone, locale)}`;
                    return (
                      <li key={b.id}>
                        <button
                          type="button"
                          class={`agenda-entry agenda-${b.status}`}
                          aria-expanded={open === b.id}
                          data-booking={b.id}
                          onClick={() => setOpen(open === b.id ? null : b.id)}
                        >
                          <span class="agenda-time">{when}</span> <span class="agenda-who">{b.consumer.name}</span>{' '}
                          <span class="agenda-what">{service?.name ?? ''}</span>{' '}
                          <span class={`badge badge-${b.status}`}>{t.statusNames[b.status]}</span>
                        </button>
                        {mode === 'day' && open === b.id && renderCard(b, () => setVersion((v) => v + 1))}
                      </li>
                    );
                  })}
                </ol>
              </section>
            ))}
          </div>
          {/* A week's columns are narrow: the opened appointment gets the full width below. */}
          {mode === 'week' && openBooking && <div class="agenda-opened">{renderCard(openBooking, () => setVersion((v) => v + 1))}</div>}
        </>
      )}
    </section>
  );
}
