// A booking's messages for staff (the notification outbox): each confirmation, reminder and
// notice with its channel, recipient, status, attempts and last error, and Resend for managers.
// Loaded only when opened, so a long appointment list does not fetch every booking's messages.
import { useEffect, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, enc } from '../lib/api';
import { formatDateTime } from '../lib/tz';
import { Alert, ErrorMessage, Loading } from '../components/ui';

import type { BookingMessages, OutboxMessage } from '../lib/types';

export type { BookingMessages, OutboxMessage };

const name = (table: Record<string, string>, key: string) => table[key] ?? key;

export function MessagesPanel({ bookingUrl, zone, canResend }: { bookingUrl: string; zone: string; canResend: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="messages" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t.messagesTitle}</summary>
      {open && <MessageLog bookingUrl={bookingUrl} zone={zone} canResend={canResend} />}
    </details>
  );
}

function MessageLog({ bookingUrl, zone, canResend }: { bookingUrl: string; zone: string; canResend: boolean }) {
  const [data, setData] = useState<BookingMessages | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState(false);
  const url = `${bookingUrl}/messages`;
  const load = () =>
    api<BookingMessages>('GET', url)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch(setError);
  useEffect(() => {
    void load();
  }, [url]);

  const resend = async (m: OutboxMessage) => {
    setBusy(true);
    setResent(false);
    try {
      await api('POST', `${url}/${enc(m.id)}/resend`);
      setResent(true);
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const when = (iso: string) => formatDateTime(iso, zone, locale);
  return (
    <div class="message-log">
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {resent && <Alert kind="success">{t.messageResent}</Alert>}
      {data?.smsConsentAt && <p class="muted">{t.messagesSmsConsent(when(data.smsConsentAt))}</p>}
      {data?.smsOptedOutAt && <p class="muted">{t.messagesSmsOptedOut(when(data.smsOptedOutAt))}</p>}
      {data && !data.items.length && <p class="muted">{t.messagesNone}</p>}
      {data && data.items.length > 0 && (
        <div class="table-scroll">
          <table class="messages-table">
            <caption class="visually-hidden">{t.messagesTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.messageKind}</th>
                <th scope="col">{t.messageChannel}</th>
                <th scope="col">{t.messageRecipient}</th>
                <th scope="col">{t.messageStatus}</th>
                <th scope="col">{t.messageAttempts}</th>
                <th scope="col">{t.messageLastError}</th>
                <th scope="col">{t.messageTimes}</th>
                {canResend && (
                  <th scope="col">
                    <span class="visually-hidden">{t.messageResend}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id} data-message={m.id} data-status={m.status} data-kind={m.kind} data-channel={m.channel}>
                  <td>{name(t.messageKinds, m.kind)}</td>
                  <td>{name(t.messageChannels, m.channel)}</td>
                  <td>
                    {name(t.messageRecipients, m.recipient)}
                    {m.address && <span class="muted"> · {m.address}</span>}
                  </td>
                  <td>
                    <span class={`badge msg-${m.status}`}>{name(t.messageStatuses, m.status)}</span>
                  </td>
                  <td>{m.attempts}</td>
                  <td>
                    {m.lastError}
                    {m.errorCode && (
                      <span class="muted" data-error-code={m.errorCode}>
                        {' '}
                        ({t.messageErrorCode(m.errorCode)})
                      </span>
                    )}
                  </td>
                  <td>
                    {m.sentAt ? t.messageSent(when(m.sentAt)) : t.messageDue(when(m.dueAt))}
                    {m.nextAttemptAt && (
                      <>
                        <br />
                        {t.messageNextAttempt(when(m.nextAttemptAt))}
                      </>
                    )}
                  </td>
                  {canResend && (
                    <td>
                      <button
                        type="button"
                        class="btn-secondary"
                        disabled={busy}
                        aria-label={t.messageResendLabel(name(t.messageKinds, m.kind), name(t.messageChannels, m.channel))}
                        onClick={() => resend(m)}
                      >
                        {t.messageResend}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
