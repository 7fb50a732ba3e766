// A provider's working time: weekly hours (wall clock in the provider's zone), special dates
// that replace a day, and time off. Used by providers for themselves and by managers.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, ApiError, enc } from '../lib/api';
import type { Override, Page, Provider, TimeOff, TimeRange, WeeklyRange } from '../lib/types';
import { formatDate, formatDateTime, fromLocalInputValue, weekdayNames } from '../lib/tz';
import { Alert, ErrorMessage, Field, Loading, TextField } from '../components/ui';
import { useLoad } from './useLoad';
import { ProviderCalendars } from './Calendars';
import { asSentence, focusFirstProblem, namesFields, problemFieldText } from './problem_fields';

/** The server's sentences for every field named `prefix`, `prefix.x` or `prefix[i]...`, joined. */
function problemsUnder(e: unknown, prefix: string): string | undefined {
  if (!(e instanceof ApiError)) return undefined;
  const hits = (e.problem.errors ?? []).filter((f) => f.field === prefix || f.field.startsWith(`${prefix}.`) || f.field.startsWith(`${prefix}[`));
  return hits.length ? hits.map((f) => asSentence(f.message)).join(' ') : undefined;
}

export function ProviderSchedule({ biz, provider }: { biz: string; provider: Provider }) {
  const base = `${biz}/providers/${enc(provider.id)}`;
  return (
    <div class="schedule">
      <WeeklyEditor base={base} zone={provider.timeZone} />
      <Overrides base={base} />
      <TimeOffEditor base={base} zone={provider.timeZone} />
      <ProviderCalendars base={base} />
    </div>
  );
}

function WeeklyEditor({ base, zone }: { base: string; zone: string }) {
  const loaded = useLoad(() => api<{ weekly: WeeklyRange[] }>('GET', `${base}/weekly-hours`), [base]);
  const [rows, setRows] = useState<WeeklyRange[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (loaded.data) setRows(loaded.data.weekly);
  }, [loaded.data]);
  // The rows are sent in this order, so the server's "weekly[i]..." names row i.
  const rowProblem = (i: number) => problemsUnder(error, `weekly[${i}]`);
  const days = weekdayNames(locale, 'long');

  const update = (i: number, patch: Partial<WeeklyRange>) => {
    setSaved(false);
    setRows((rows ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ weekly: WeeklyRange[] }>('PUT', `${base}/weekly-hours`, { weekly: rows });
      setRows(r.weekly);
      setSaved(true);
    } catch (err) {
      setError(err);
      focusFirstProblem(formRef.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby={`${base}-weekly`}>
      <h2 id={`${base}-weekly`}>{t.weeklyHours}</h2>
      <p class="muted">{t.weeklyHint(zone)}</p>
      <ErrorMessage error={loaded.error} />
      {!rows && !loaded.error && <Loading />}
      {rows && (
        <form onSubmit={save} class="weekly" ref={formRef}>
          {days.map((dayName, di) => {
            const weekday = di + 1;
            const ranges = rows.map((r, i) => ({ r, i })).filter((x) => x.r.weekday === weekday);
            return (
              <fieldset key={weekday} class="weekday" data-weekday={weekday}>
                <legend>{dayName}</legend>
                {ranges.length === 0 && <p class="muted">{t.closed}</p>}
                {ranges.map(({ r, i }, n) => (
                  <div class={`range${rowProblem(i) ? ' field-invalid' : ''}`} key={i}>
                    <label>
                      <span class="visually-hidden">{`${dayName} ${n + 1} `}</span>
                      {t.from}
                      <input
                        type="time"
                        required
                        value={r.start}
                        aria-invalid={rowProblem(i) ? true : undefined}
                        aria-describedby={rowProblem(i) ? `${base}-w${i}-err` : undefined}
                        onInput={(e) => update(i, { start: (e.target as HTMLInputElement).value })}
                      />
                    </label>
                    <label>
                      <span class="visually-hidden">{`${dayName} ${n + 1} `}</span>
                      {t.to}
                      <input
                        type="time"
                        required
                        value={r.end}
                        aria-invalid={rowProblem(i) ? true : undefined}
                        aria-describedby={rowProblem(i) ? `${base}-w${i}-err` : undefined}
                        onInput={(e) => update(i, { end: (e.target as HTMLInputElement).value })}
                      />
                    </label>
                    <button
                      type="button"
                      class="btn-link"
                      aria-label={t.removeRange(dayName, n + 1)}
                      onClick={() => {
                        setSaved(false);
                        setRows(rows.filter((_, j) => j !== i));
                      }}
                    >
                      {t.remove}
                    </button>
                    {rowProblem(i) && (
                      <p class="field-error" id={`${base}-w${i}-err`}>
                        {rowProblem(i)}
                      </p>
                    )}
                  </div>
                ))}
                <button
                  type="button"
                  class="btn-secondary btn-small"
                  aria-label={t.addRange(dayName)}
                  onClick={() => {
                    setSaved(false);
                    setRows([...rows, { weekday, start: '09:00', end: '17:00' }]);
                  }}
                >
                  {t.add}
                </button>
              </fieldset>
            );
          })}
          {error != null && !namesFields(error, (f) => f.startsWith('weekly[')) && <ErrorMessage error={error} />}
          {saved && <Alert kind="success">{t.saved}</Alert>}
          <button type="submit" class="btn-primary" disabled={busy}>
            {t.saveWeekly}
          </button>
        </form>
      )}
    </section>
  );
}

function Overrides({ base }: { base: string }) {
  const list = useLoad(() => api<Page<Override>>('GET', `${base}/overrides`), [base]);
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const ranges: TimeRange[] = start && end ? [{ start, end }] : [];
      await api('POST', `${base}/overrides`, { date, ranges });
      setDate('');
      setStart('');
      setEnd('');
      list.reload();
    } catch (err) {
      setError(err);
      focusFirstProblem(formRef.current);
    }
  };
  const remove = async (id: string) => {
    try {
      await api('DELETE', `${base}/overrides/${enc(id)}`);
      list.reload();
    } catch (err) {
      setRemoveError(err);
    }
  };

  return (
    <section class="card" aria-labelledby={`${base}-ovr`}>
      <h2 id={`${base}-ovr`}>{t.overrides}</h2>
      <p class="muted">{t.overridesHint}</p>
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <p class="muted">{t.none}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul class="plain-list">
          {list.data.items.map((o) => (
            <li key={o.id}>
              {formatDate(o.date, locale)}: {o.ranges.length ? o.ranges.map((r) => `${r.start}–${r.end}`).join(', ') : t.closed}{' '}
              <button type="button" class="btn-link" onClick={() => remove(o.id)} aria-label={`${t.remove} ${formatDate(o.date, locale)}`}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={removeError} />
      <form onSubmit={add} class="inline-form" ref={formRef} noValidate>
        <TextField label={t.overrideDate} type="date" required value={date} onValue={setDate} error={problemFieldText(error, 'date')} />
        <TextField label={t.from} type="time" required={false} value={start} onValue={setStart} error={problemsUnder(error, 'ranges')} />
        <TextField label={t.to} type="time" required={false} value={end} onValue={setEnd} />
        <button type="submit" class="btn-secondary">
          {t.addOverride}
        </button>
      </form>
      {error != null && !namesFields(error, (f) => f === 'date' || f.startsWith('ranges')) && <ErrorMessage error={error} />}
    </section>
  );
}

function TimeOffEditor({ base, zone }: { base: string; zone: string }) {
  const list = useLoad(() => api<Page<TimeOff>>('GET', `${base}/time-off`), [base]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (!start || !end) {
      // The browser cannot tell an empty date-time from a half-typed one: say which is missing.
      const missing = [...(start ? [] : ['start']), ...(end ? [] : ['end'])].map((field) => ({ field, message: t.isRequired }));
      setError(new ApiError({ type: 'about:blank', title: t.isRequired, detail: t.isRequired, status: 400, errors: missing }));
      focusFirstProblem(formRef.current);
      return;
    }
    try {
      await api('POST', `${base}/time-off`, {
        start: fromLocalInputValue(start, zone).toISOString(),
        end: fromLocalInputValue(end, zone).toISOString(),
        reason,
      });
      setStart('');
      setEnd('');
      setReason('');
      list.reload();
    } catch (err) {
      setError(err);
      focusFirstProblem(formRef.current);
    }
  };
  const remove = async (id: string) => {
    try {
      await api('DELETE', `${base}/time-off/${enc(id)}`);
      list.reload();
    } catch (err) {
      setRemoveError(err);
    }
  };

  return (
    <section class="card" aria-labelledby={`${base}-off`}>
      <h2 id={`${base}-off`}>{t.timeOff}</h2>
      <p class="muted">{t.weeklyHint(zone)}</p>
      <ErrorMessage error={list.error} />
      {list.data && list.data.items.length === 0 && <p class="muted">{t.none}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul class="plain-list">
          {list.data.items.map((o) => (
            <li key={o.id}>
              {formatDateTime(o.start, zone, locale)} – {formatDateTime(o.end, zone, locale)}
              {o.reason ? ` (${o.reason})` : ''}{' '}
              <button type="button" class="btn-link" onClick={() => remove(o.id)} aria-label={`${t.remove} ${formatDateTime(o.start, zone, locale)}`}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={removeError} />
      <form onSubmit={add} class="inline-form" ref={formRef} noValidate>
        <TextField label={t.timeOffStart} type="datetime-local" required value={start} onValue={setStart} error={problemFieldText(error, 'start')} />
        <TextField label={t.timeOffEnd} type="datetime-local" required value={end} onValue={setEnd} error={problemFieldText(error, 'end')} />
        <TextField label={t.timeOffReason} required={false} value={reason} onValue={setReason} error={problemFieldText(error, 'reason')} />
        <button type="submit" class="btn-secondary">
          {t.addTimeOff}
        </button>
      </form>
      {error != null && !namesFields(error, (f) => f === 'start' || f === 'end' || f === 'reason') && <ErrorMessage error={error} />}
    </section>
  );
}

export function ProviderPicker({
  providers,
  value,
  onChange,
}: {
  providers: Provider[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field label={t.hoursFor}>
      {({ id }) => (
        <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
