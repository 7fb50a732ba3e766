// Provider dashboard / manager bookings: today and upcoming appointments with the
// consumer's details and answers; complete, no-show, cancel and reschedule.
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, enc, query, type Slot, type SlotsResponse } from '../lib/api';
import type { StaffBooking, Page, Provider, Service } from '../lib/types';
import { addDays, dateInZone, detectZone, formatDateTime, formatTime, todayInZone, zoneLabel, zonedTimeToUtc } from '../lib/tz';
import { Calendar } from '../components/Calendar';
import { Alert, ErrorMessage, Field, Loading, PageTitle } from '../components/ui';
import { isManager, type StaffContext } from './session';
import { useLoad } from './useLoad';
import { JoinButton } from './JoinButton';
import { LobbyWatch } from './LobbyWatch';
import { MessagesPanel } from './Messages';
import { NotesPanel } from './NotesPanel';
import { RelayWarning } from './RelayWarning';
import { fetchAllBookings } from './bookings_query';
import { Agenda } from './Agenda';
import { BookingSearchForm, BookingSearchResults } from './BookingSearch';

const kUpcomingDays = 30;

export function Appointments({ ctx }: { ctx: StaffContext }) {
  const zone = useMemo(() => detectZone(), []);
  const now = useMemo(() => Date.now(), []);
  const today = todayInZone(zone, now);
  const manager = isManager(ctx.membership);
  const [providerId, setProviderId] = useState('');
  const [status, setStatus] = useState('confirmed');
  const [view, setView] = useState<'list' | 'day' | 'week'>('list');
  const [search, setSearch] = useState('');

  const providers = useLoad(() => api<Page<Provider>>('GET', `${ctx.biz}/providers`), [ctx.biz]);
  const services = useLoad(() => api<Page<Service>>('GET', `${ctx.biz}/services`), [ctx.biz]);
  const bookings = useLoad(
    () =>
      fetchAllBookings(ctx.biz, {
        from: zonedTimeToUtc(today, '00:00', zone).toISOString(),
        to: zonedTimeToUtc(addDays(today, kUpcomingDays), '00:00', zone).toISOString(),
        providerId,
        status,
      }),
    [ctx.biz, providerId, status, today],
  );

  const items = bookings.data?.items ?? [];
  const todays = items.filter((b) => dateInZone(b.start, zone) === today);
  const later = items.filter((b) => dateInZone(b.start, zone) !== today);
  const lookups = { providers: providers.data?.items ?? [], services: services.data?.items ?? [] };

  return (
    <>
      <PageTitle title={t.appointmentsTitle}>{t.appointmentsTitle}</PageTitle>
      <RelayWarning biz={ctx.biz} />
      <p class="muted">{t.timesIn(zoneLabel(zone, now))}</p>
      <div class="filters">
        {manager && (
          <Field label={t.providerFilter}>
            {({ id }) => (
              <select id={id} value={providerId} onChange={(e) => setProviderId((e.target as HTMLSelectElement).value)}>
                <option value="">{t.allProviders}</option>
                {lookups.providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t.showStatus}>
          {({ id }) => (
            <select id={id} value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
              <option value="">{t.statusAll}</option>
              {Object.entries(t.statusNames).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset class="view-switch">
          <legend>{t.viewLabel}</legend>
          {(['list', 'day', 'week'] as const).map((v) => (
            <label key={v} class="choice">
              <input type="radio" name="view" value={v} checked={view === v} onChange={() => setView(v)} />
              <span>{{ list: t.viewList, day: t.viewDay, week: t.viewWeek }[v]}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <BookingSearchForm onSearch={setSearch} />
      {search && (
        <BookingSearchResults key={`${search}-${providerId}-${status}`} q={search} ctx={ctx} providerId={providerId} status={status} zone={zone} now={now} lookups={lookups} />
      )}
      {!search && view !== 'list' && (
        <Agenda
          mode={view}
          ctx={ctx}
          zone={zone}
          now={now}
          today={today}
          providerId={providerId}
          status={status}
          renderCard={(b, onChange) => <BookingCard booking={b} ctx={ctx} zone={zone} now={now} lookups={lookups} onChange={onChange} />}
          lookups={lookups}
        />
      )}
      {!search && view === 'list' && <ErrorMessage error={bookings.error} />}
      {bookings.data && <LobbyWatch bookings={items} services={lookups.services} />}
      {!search && view === 'list' && !bookings.data && !bookings.error && <Loading />}
      {!search && view === 'list' && bookings.data && (
        <>
          <p class="muted" data-testid="list-count">
            {t.listCount(items.length, bookings.data.total)}
          </p>
          <section aria-labelledby="today-h">
            <h2 id="today-h">{t.today}</h2>
            <BookingList items={todays} ctx={ctx} zone={zone} now={now} lookups={lookups} onChange={bookings.reload} />
          </section>
          <section aria-labelledby="upcoming-h">
            <h2 id="upcoming-h">{t.upcoming}</h2>
            <BookingList items={later} ctx={ctx} zone={zone} now={now} lookups={lookups} onChange={bookings.reload} />
          </section>
        </>
      )}
    </>
  );
}

interface Lookups {
  providers: Provider[];
  services: Service[];
}

export interface ListProps {
  items: StaffBooking[];
  ctx: StaffContext;
  zone: string;
  now: number;
  lookups: Lookups;
  onChange: () => void;
}

export function BookingList({ items, ...rest }: ListProps) {
  if (!items.length) return <p class="muted">{t.noAppointments}</p>;
  return (
    <ul class="booking-list">
      {items.map((b) => (
        <li key={b.id}>
          <BookingCard booking={b} {...rest} />
        </li>
      ))}
    </ul>
  );
}

export function BookingCard({ booking: b, ctx, zone, now, lookups, onChange }: Omit<ListProps, 'items'> & { booking: StaffBooking }) {
  const service = lookups.services.find((s) => s.id === b.serviceId);
  const provider = lookups.providers.find((p) => p.id === b.providerId);
  const [mode, setMode] = useState<'none' | 'cancel' | 'reschedule'>('none');
  const [reason, setReason] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false); // the details (and so the note) load when opened
  const url = `${ctx.biz}/bookings/${enc(b.id)}`;
  const title = `${formatTime(b.start, zone, locale)} · ${b.consumer.name} · ${service?.name ?? ''}`;

  const act = async (path: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `${url}/${path}`, body);
      setMode('none');
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fetchSlots = (from: string, to: string, z: string) =>
    api<SlotsResponse>(
      'GET',
      `/api/v1/public/businesses/${enc(ctx.membership.slug)}/slots${query({
        serviceId: service?.id,
        providerId: provider?.id,
        from,
        to,
        timeZone: z,
      })}`,
    );

  return (
    <article class="booking card" aria-label={title} data-booking={b.id}>
      <h3>
        <time dateTime={b.start}>{formatDateTime(b.start, zone, locale)}</time>
      </h3>
      <p>
        <strong>{b.consumer.name}</strong> · {service?.name} · {provider?.name}{' '}
        <span class={`badge badge-${b.status}`}>{t.statusNames[b.status]}</span>
      </p>
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t.showDetails}</summary>
        <dl class="summary">
          <dt>{t.emailLabel}</dt>
          <dd>
            <a href={`mailto:${b.consumer.email}`}>{b.consumer.email}</a>
          </dd>
          {b.consumer.phone && (
            <>
              <dt>{t.phoneShort}</dt>
              <dd>{b.consumer.phone}</dd>
            </>
          )}
          <dt>{t.zoneShort}</dt>
          <dd>{t.consumerZone(`${b.consumer.timeZone} — ${formatTime(b.start, b.consumer.timeZone, locale)}`)}</dd>
          {Object.entries(b.answers ?? {}).map(([k, v]) => (
            <Fragment key={k}>
              <dt>{service?.questions.find((q) => q.key === k)?.label ?? k}</dt>
              <dd>{v}</dd>
            </Fragment>
          ))}
          {b.cancelReason && (
            <>
              <dt>{t.cancelReason}</dt>
              <dd>{b.cancelReason}</dd>
            </>
          )}
        </dl>
        {open && <NotesPanel biz={ctx.biz} bookingId={b.id} zone={zone} />}
      </details>
      <MessagesPanel bookingUrl={url} zone={zone} canResend={isManager(ctx.membership)} />
      <JoinButton booking={b} service={service} zone={zone} />
      <ErrorMessage error={error} />
      {b.status === 'confirmed' && mode === 'none' && (
        <div class="actions">
          <button type="button" class="btn-secondary" disabled={busy || Date.parse(b.start) > now} onClick={() => act('complete')}>
            {t.complete}
          </button>
          <button type="button" class="btn-secondary" disabled={busy || Date.parse(b.start) > now} onClick={() => act('no-show')}>
            {t.noShow}
          </button>
          <button type="button" class="btn-secondary" onClick={() => setMode('reschedule')}>
            {t.rescheduleBooking}
          </button>
          <button type="button" class="btn-danger" onClick={() => setMode('cancel')}>
            {t.cancelBooking}
          </button>
          <button type="button" class="btn-secondary" title={t.reissueLinksHint} disabled={busy} onClick={() => act('links')}>
            {t.reissueLinks}
          </button>
        </div>
      )}
      {mode === 'cancel' && (
        <div class="subsection">
          <Field label={t.cancelReasonStaff} required={false}>
            {({ id }) => (
              <textarea id={id} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
            )}
          </Field>
          <div class="actions">
            <button type="button" class="btn-danger" disabled={busy} onClick={() => act('cancel', { reason })}>
              {t.confirmCancelStaff}
            </button>
            <button type="button" class="btn-secondary" onClick={() => setMode('none')}>
              {t.back}
            </button>
          </div>
        </div>
      )}
      {mode === 'reschedule' && service && (
        <div class="subsection">
          <Calendar
            zone={zone}
            now={now}
            windowDays={service.bookingWindowDays}
            fetchSlots={fetchSlots}
            selected={slot}
            onSelect={setSlot}
            reloadKey={`staff-${b.id}`}
          />
          <div class="actions">
            {slot && (
              <button type="button" class="btn-primary" disabled={busy} onClick={() => act('reschedule', { start: slot.start })}>
                {t.confirmNewTime(formatDateTime(slot.start, zone, locale))}
              </button>
            )}
            <button type="button" class="btn-secondary" onClick={() => setMode('none')}>
              {t.back}
            </button>
          </div>
        </div>
      )}
      {mode === 'reschedule' && !service && <Alert>{t.errorTitle}</Alert>}
    </article>
  );
}
