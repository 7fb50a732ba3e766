// Manager console: the business's message templates (confirmation, reschedule, cancellation,
// reminder × email, SMS) with a live preview rendered from a sample booking. Empty parts keep
// the server's built-in text; values are HTML-escaped in the HTML preview as the server does.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api } from '../lib/api';
import { renderTemplate } from '../lib/mustache';
import { Alert, ErrorMessage, Field, Loading, TextField } from '../components/ui';
import { useLoad } from './useLoad';
import type { StaffContext } from './session';

interface Template {
  kind: string;
  channel: string;
  subject: string;
  textBody: string;
  htmlBody: string;
}

const kKinds = ['confirmation', 'reschedule', 'cancellation', 'reminder'];
const kChannels = ['email', 'sms'];
const empty = (kind: string, channel: string): Template => ({ kind, channel, subject: '', textBody: '', htmlBody: '' });

/** What a consumer's confirmation would be filled in with (names as in src/notify/compose.cpp). */
const kSample: Record<string, string> = {
  recipientName: 'Sam Lee',
  consumerName: '',
  businessName: 'Acme Clinic',
  serviceName: 'Checkup',
  providerName: 'Dr. Tess Ting',
  start: 'Thursday 26 November 2026, 09:00',
  endTime: '09:30',
  timeZone: 'Europe/London',
  startUtc: '2026-11-26T09:00:00Z',
  headline: 'Your appointment is confirmed.',
  kind: 'confirmation',
  manageUrl: 'https://visitd.example/manage/…',
  joinUrl: 'https://visitd.example/join/…',
};

/** A cancelled booking offers booking again instead of its links, and says why when told. */
const kCancelledSample: Record<string, string> = {
  manageUrl: '',
  joinUrl: '',
  reason: 'provider ill',
  bookUrl: 'https://visitd.example/b/acme-clinic',
};

export function TemplatesSection({ ctx }: { ctx: StaffContext }) {
  const url = `${ctx.biz}/message-templates`;
  const list = useLoad(() => api<{ items: Template[] }>('GET', url), [url]);
  const [kind, setKind] = useState('confirmation');
  const [channel, setChannel] = useState('email');
  const stored = useMemo(
    () => list.data?.items.find((x) => x.kind === kind && x.channel === channel) ?? empty(kind, channel),
    [list.data, kind, channel],
  );
  const [form, setForm] = useState<Template>(stored);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(stored), [stored]);
  useEffect(() => {
    setSaved(false);
    setError(null);
  }, [kind, channel]);

  const call = async (method: 'PUT' | 'DELETE') => {
    setError(null);
    setSaved(false);
    try {
      const body = method === 'PUT' ? { subject: form.subject, textBody: form.textBody, htmlBody: form.htmlBody } : undefined;
      await api(method, `${url}/${kind}/${channel}`, body);
      await list.reload();
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };

  const values = { ...kSample, ...(kind === 'cancellation' ? kCancelledSample : {}), kind };
  const email = channel === 'email';
  return (
    <section aria-labelledby="templates-h" class="card">
      <h2 id="templates-h">{t.templatesTitle}</h2>
      <p class="muted">{t.templatesHint}</p>
      <ErrorMessage error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void call('PUT');
          }}
        >
          <div class="filters">
            <Field label={t.templateKind}>
              {({ id }) => (
                <select id={id} value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
                  {kKinds.map((k) => (
                    <option key={k} value={k}>
                      {t.messageKinds[k] ?? k}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t.templateChannel}>
              {({ id }) => (
                <select id={id} value={channel} onChange={(e) => setChannel((e.target as HTMLSelectElement).value)}>
                  {kChannels.map((c) => (
                    <option key={c} value={c}>
                      {t.messageChannels[c] ?? c}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {email && (
            <TextField label={t.templateSubject} required={false} value={form.subject} onValue={(v) => setForm({ ...form, subject: v })} />
          )}
          <Field label={t.templateText} required={false}>
            {({ id }) => (
              <textarea id={id} rows={6} value={form.textBody} onInput={(e) => setForm({ ...form, textBody: (e.target as HTMLTextAreaElement).value })} />
            )}
          </Field>
          {email && (
            <Field label={t.templateHtml} required={false}>
              {({ id }) => (
                <textarea id={id} rows={6} value={form.htmlBody} onInput={(e) => setForm({ ...form, htmlBody: (e.target as HTMLTextAreaElement).value })} />
              )}
            </Field>
          )}
          <h3>{t.templatePreview}</h3>
          <div class="template-preview" data-testid="template-preview">
            {email && form.subject && <p><strong>{renderTemplate(form.subject, values)}</strong></p>}
            {form.textBody && <pre>{renderTemplate(form.textBody, values)}</pre>}
            {email && form.htmlBody && <pre>{renderTemplate(form.htmlBody, values, true)}</pre>}
            {!form.subject && !form.textBody && !form.htmlBody && <p class="muted">{t.templateDefault}</p>}
          </div>
          <ErrorMessage error={error} />
          {saved && <Alert kind="success">{t.saved}</Alert>}
          <div class="actions">
            <button type="submit" class="btn-primary">
              {t.save}
            </button>
            <button type="button" class="btn-secondary" onClick={() => void call('DELETE')}>
              {t.templateReset}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
