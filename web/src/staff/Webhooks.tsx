// Webhooks (issue I), managers: register an endpoint (URL and event types; its signing secret
// is shown once), enable or disable it, delete it, and read each delivery with its attempts
// (response code, latency, error), with "Send again" for any of them.
import { useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, ApiError, enc } from '../lib/api';
import type { CreatedWebhook, Page, Webhook, WebhookDelivery, WebhookEventType } from '../lib/types';
import { detectZone, formatDateTime } from '../lib/tz';
import { Alert, ErrorMessage, Loading, PageTitle, TextField } from '../components/ui';
import type { StaffContext } from './session';
import { useLoad } from './useLoad';

const kEventTypes: WebhookEventType[] = [
  'booking.created',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.completed',
  'booking.no_show',
  'room.opened',
  'room.ended',
  'message.failed',
];

export function WebhooksSection({ ctx }: { ctx: StaffContext }) {
  const list = useLoad(() => api<Page<Webhook>>('GET', `${ctx.biz}/webhooks`), [ctx.biz]);
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<WebhookEventType[]>(['booking.created', 'booking.rescheduled', 'booking.cancelled']);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setCreated(null);
    try {
      setCreated(await api<CreatedWebhook>('POST', `${ctx.biz}/webhooks`, { url, eventTypes: types }));
      setUrl('');
      await list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const change = async (w: Webhook, body: Partial<Pick<Webhook, 'enabled'>>) => {
    try {
      await api('PATCH', `${ctx.biz}/webhooks/${enc(w.id)}`, body);
      await list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (w: Webhook) => {
    if (!confirm(t.webhookDeleteConfirm(w.url))) return;
    try {
      await api('DELETE', `${ctx.biz}/webhooks/${enc(w.id)}`);
      await list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const urlError = error instanceof ApiError ? error.fieldError('url') : undefined;
  const typesError = error instanceof ApiError ? error.fieldError('eventTypes') : undefined;

  return (
    <>
      <PageTitle title={t.webhooksTitle}>{t.webhooksTitle}</PageTitle>
      <p class="hint">{t.webhooksIntro}</p>
      <form onSubmit={create} aria-label={t.webhookAdd}>
        <TextField label={t.webhookUrl} hint={t.webhookUrlHint} type="url" required value={url} onValue={setUrl} error={urlError} />
        <fieldset>
          <legend>{t.webhookEvents}</legend>
          {typesError && <p class="field-error">{typesError}</p>}
          {kEventTypes.map((type) => (
            <label key={type} class="check">
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) =>
                  setTypes((e.target as HTMLInputElement).checked ? [...types, type] : types.filter((x) => x !== type))
                }
              />{' '}
              <code>{type}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="btn">
          {t.webhookAdd}
        </button>
      </form>
      {created && (
        <Alert kind="success">
          {t.webhookSecretOnce} <code data-testid="webhook-secret">{created.secret}</code>
        </Alert>
      )}
      {!urlError && !typesError && <ErrorMessage error={error} />}
      {list.error ? (
        <ErrorMessage error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t.webhooksNone}</p>
      ) : (
        <ul class="webhooks">
          {list.data.items.map((w) => (
            <li key={w.id}>
              <p>
                <strong>{w.url}</strong> {w.enabled ? '' : <span class="muted">({t.webhookDisabled})</span>}
              </p>
              <p class="muted">{w.eventTypes.join(', ')}</p>
              <button type="button" class="btn-link" onClick={() => change(w, { enabled: !w.enabled })}>
                {w.enabled ? t.webhookDisable : t.webhookEnable}
              </button>{' '}
              <button type="button" class="btn-link" onClick={() => setOpen(open === w.id ? null : w.id)} aria-expanded={open === w.id}>
                {t.webhookDeliveries}
              </button>{' '}
              <button type="button" class="btn-link" onClick={() => remove(w)}>
                {t.webhookDelete}
              </button>
              {open === w.id && <Deliveries url={`${ctx.biz}/webhooks/${enc(w.id)}`} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Deliveries({ url }: { url: string }) {
  const zone = detectZone();
  const list = useLoad(() => api<Page<WebhookDelivery>>('GET', `${url}/deliveries?limit=50`), [url]);
  const [error, setError] = useState<unknown>(null);
  const again = async (d: WebhookDelivery) => {
    try {
      await api('POST', `${url}/deliveries/${enc(d.id)}/redeliver`);
      await list.reload();
    } catch (err) {
      setError(err);
    }
  };
  if (list.error) return <ErrorMessage error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <p>{t.webhookNoDeliveries}</p>;
  return (
    <div class="table-wrap">
      <ErrorMessage error={error} />
      <table>
        <caption>{t.webhookDeliveries}</caption>
        <thead>
          <tr>
            <th scope="col">{t.webhookWhen}</th>
            <th scope="col">{t.webhookEvent}</th>
            <th scope="col">{t.webhookStatus}</th>
            <th scope="col">{t.webhookAttempts}</th>
            <th scope="col">
              <span class="visually-hidden">{t.webhookSendAgain}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((d) => (
            <tr key={d.id}>
              <td>{formatDateTime(d.createdAt, zone, locale)}</td>
              <td>
                <code>{d.eventType}</code>
              </td>
              <td>{t.webhookStatuses[d.status]}</td>
              <td>
                {d.attempts.map((a, i) => (
                  <span key={i} class="attempt">
                    {t.webhookAttempt(a.responseCode, a.latencyMs, a.error)}
                    <br />
                  </span>
                ))}
              </td>
              <td>
                <button type="button" class="btn-link" onClick={() => again(d)}>
                  {t.webhookSendAgain}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
