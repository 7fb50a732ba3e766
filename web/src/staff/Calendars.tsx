// Calendars beyond visitd (issue I): the secret subscription feed of a provider (or of the
// whole business) and the provider's external calendars, whose busy times leave their slots.
// The feed's address is shown once, when issued or rotated: the server keeps only its hash.
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, enc } from '../lib/api';
import type { CalendarFeed, ExternalCalendar, IssuedCalendarFeed } from '../lib/types';
import { formatDateTime } from '../lib/tz';
import { Alert, ErrorMessage, Loading, TextField } from '../components/ui';
import { useLoad } from './useLoad';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The feed of `path` (…/calendar-feed): state, issue or rotate, revoke. */
export function FeedCard({ path, title, hint }: { path: string; title: string; hint: string }) {
  const [version, setVersion] = useState(0);
  const state = useLoad(() => api<CalendarFeed>('GET', path), [path, version]);
  const [issued, setIssued] = useState<IssuedCalendarFeed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (method: 'POST' | 'DELETE') => {
    setError(null);
    try {
      if (method === 'POST') setIssued(await api<IssuedCalendarFeed>('POST', path));
      else {
        await api('DELETE', path);
        setIssued(null);
      }
      setVersion(version + 1);
    } catch (err) {
      setError(err);
    }
  };
  const active = state.data?.active ?? false;
  return (
    <section class="card calendar-feed" aria-label={title}>
      <h2>{title}</h2>
      <p class="muted">{hint}</p>
      <ErrorMessage error={state.error ?? error} />
      {!state.data && !state.error && <Loading />}
      {state.data && !issued && (
        <p>{active && state.data.createdAt ? t.feedActiveSince(formatDateTime(state.data.createdAt, browserZone)) : t.feedNone}</p>
      )}
      {issued && (
        <Alert kind="success">
          <p>{t.feedIssued}</p>
          <p>
            <label>
              {t.feedUrl}
              <input class="feed-url" readOnly value={issued.url} onFocus={(e) => (e.target as HTMLInputElement).select()} />
            </label>
          </p>
          <p>
            <a href={issued.webcalUrl}>{t.feedSubscribe}</a>
          </p>
        </Alert>
      )}
      <div class="actions">
        <button type="button" class="btn-primary" onClick={() => act('POST')}>
          {active ? t.feedRotate : t.feedIssue}
        </button>
        {active && (
          <button type="button" onClick={() => act('DELETE')}>
            {t.feedRevoke}
          </button>
        )}
      </div>
    </section>
  );
}

/** A provider's feed and external calendars; `base` is …/providers/{id}. */
export function ProviderCalendars({ base }: { base: string }) {
  return (
    <>
      <FeedCard path={`${base}/calendar-feed`} title={t.feedTitle} hint={t.feedHint} />
      <ExternalCalendars base={base} />
    </>
  );
}

function ExternalCalendars({ base }: { base: string }) {
  const [version, setVersion] = useState(0);
  const list = useLoad(() => api<{ items: ExternalCalendar[] }>('GET', `${base}/external-calendars`), [base, version]);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => setVersion(version + 1);
  const add = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `${base}/external-calendars`, { name, url });
      setName('');
      setUrl('');
      refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const act = async (method: 'POST' | 'DELETE', suffix: string) => {
    setError(null);
    try {
      await api(method, `${base}/external-calendars/${suffix}`);
      refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="card external-calendars" aria-label={t.externalTitle}>
      <h2>{t.externalTitle}</h2>
      <p class="muted">{t.externalHint}</p>
      <ErrorMessage error={list.error ?? error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t.none}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul class="external-list">
          {list.data.items.map((c) => (
            <li key={c.id} class="external-calendar" data-status={c.status}>
              <strong>{c.name}</strong> <span class="muted">{c.address}</span>
              <p>
                {t.externalStatus[c.status]}
                {c.lastFetchAt && ` · ${t.externalLastFetch(formatDateTime(c.lastFetchAt, browserZone))}`}
                {c.status !== 'pending' && ` · ${t.externalBusyCount(c.busyCount)}`}
              </p>
              {c.lastError && <Alert>{t.externalLastError(c.lastError)}</Alert>}
              <div class="actions">
                <button type="button" onClick={() => act('POST', `${enc(c.id)}/fetch`)}>
                  {t.externalFetchNow}
                </button>
                <button type="button" onClick={() => act('DELETE', enc(c.id))}>
                  {t.externalRemove(c.name)}
                </button>
                <button type="button" onClick={refresh}>
                  {t.externalReload}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="external-add">
        <TextField label={t.externalName} value={name} onValue={setName} required />
        <TextField label={t.externalUrl} hint={t.externalUrlHint} value={url} onValue={setUrl} required type="url" />
        <button type="submit" class="btn-primary" disabled={busy}>
          {t.externalAdd}
        </button>
      </form>
    </section>
  );
}
