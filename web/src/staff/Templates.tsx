// Manager console: the business's message templates (confirmation, reschedule, cancellation,
// reminder × email, SMS). The editor starts from the server's built-in texts; the preview is
// rendered by the server's own template engine (POST .../message-templates/preview) with a
// sample booking, so what is shown is what would be sent. A part left equal to the built-in
// text is saved empty, so it keeps following the built-in text.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, ApiError } from '../lib/api';
import { Alert, ErrorMessage, Field, Loading, TextField } from '../components/ui';
import { useLoad } from './useLoad';
import { asSentence } from './problem_fields';
import type { StaffContext } from './session';

interface Template {
  kind: string;
  channel: string;
  subject: string;
  textBody: string;
  htmlBody: string;
}

type Part = 'subject' | 'textBody' | 'htmlBody';
const kParts: Part[] = ['subject', 'textBody', 'htmlBody'];
const kKinds = ['confirmation', 'reschedule', 'cancellation', 'reminder'];
const kChannels = ['email', 'sms'];
const kPreviewDelayMs = 250;
const empty = (kind: string, channel: string): Template => ({ kind, channel, subject: '', textBody: '', htmlBody: '' });

/** Field name -> the server's message for it, as a sentence. */
function fieldErrors(e: unknown): Partial<Record<Part, string>> {
  const out: Partial<Record<Part, string>> = {};
  if (e instanceof ApiError) for (const f of e.problem.errors ?? []) out[f.field as Part] = asSentence(f.message);
  return out;
}

export function TemplatesSection({ ctx }: { ctx: StaffContext }) {
  const url = `${ctx.biz}/message-templates`;
  const list = useLoad(() => api<{ items: Template[] }>('GET', url), [url]);
  const defaults = useLoad(() => api<{ items: Template[] }>('GET', `${url}/defaults`), [url]);
  const [kind, setKind] = useState('confirmation');
  const [channel, setChannel] = useState('email');
  const builtIn = useMemo(
    () => defaults.data?.items.find((x) => x.kind === kind && x.channel === channel) ?? empty(kind, channel),
    [defaults.data, kind, channel],
  );
  // What the editor shows: each stored part, else the built-in one.
  const start = useMemo(() => {
    const stored = list.data?.items.find((x) => x.kind === kind && x.channel === channel) ?? empty(kind, channel);
    const out = { ...builtIn };
    for (const p of kParts) if (stored[p]) out[p] = stored[p];
    return out;
  }, [list.data, builtIn, kind, channel]);
  // Edits belong to the text they started from: another kind or channel, a save or a reset
  // starts over from the new text. Derived while rendering (not synced by an effect) so the
  // editor never shows one frame of an empty or stale text.
  const [edit, setEdit] = useState<{ base: Template; form: Template } | null>(null);
  const form = edit && edit.base === start ? edit.form : start;
  const setForm = (next: Template) => setEdit({ base: start, form: next });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [preview, setPreview] = useState<Template | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setSaved(false);
    setError(null);
  }, [kind, channel]);

  // The preview follows the text as it is typed, a moment after typing stops.
  useEffect(() => {
    if (!defaults.data) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api<Template>('POST', `${url}/preview`, {
        kind,
        channel,
        subject: form.subject,
        textBody: form.textBody,
        htmlBody: form.htmlBody,
      })
        .then((p) => {
          if (!live) return;
          setPreview(p);
          setPreviewError(null);
        })
        .catch((e) => live && setPreviewError(e));
    }, kPreviewDelayMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [defaults.data, url, kind, channel, form.subject, form.textBody, form.htmlBody]);

  const call = async (method: 'PUT' | 'DELETE') => {
    setError(null);
    setSaved(false);
    try {
      const body: Record<string, string> = {};
      for (const p of kParts) body[p] = form[p] === builtIn[p] ? '' : form[p];
      await api(method, `${url}/${kind}/${channel}`, method === 'PUT' ? body : undefined);
      await list.reload();
      setSaved(true);
    } catch (e) {
      setError(e);
      // Focus the first field the server named, else the error itself.
      const named = kParts.find((p) => fieldErrors(e)[p]);
      const target = named ? formRef.current?.querySelector<HTMLElement>(`[data-part=${named}], [name=${named}]`) : null;
      target?.focus();
    }
  };

  const email = channel === 'email';
  const errors = { ...fieldErrors(previewError), ...fieldErrors(error) };
  const usesBuiltIn = kParts.every((p) => form[p] === builtIn[p]);
  const onPart = (p: Part) => (e: Event) => setForm({ ...form, [p]: (e.target as HTMLTextAreaElement).value });
  return (
    <section aria-labelledby="templates-h" class="card">
      <h2 id="templates-h">{t.templatesTitle}</h2>
      <p class="muted">{t.templatesHint}</p>
      <ErrorMessage error={list.error ?? defaults.error} />
      {(!list.data || !defaults.data) && !list.error && !defaults.error && <Loading />}
      {list.data && defaults.data && (
        <form
          ref={formRef}
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
            <TextField
              label={t.templateSubject}
              required={false}
              value={form.subject}
              error={errors.subject}
              onValue={(v) => setForm({ ...form, subject: v })}
              name="subject"
            />
          )}
          <Field label={t.templateText} required={false} error={errors.textBody}>
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                data-part="textBody"
                rows={8}
                value={form.textBody}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onInput={onPart('textBody')}
              />
            )}
          </Field>
          {email && (
            <Field label={t.templateHtml} required={false} error={errors.htmlBody}>
              {({ id, describedBy, invalid }) => (
                <textarea
                  id={id}
                  data-part="htmlBody"
                  rows={8}
                  value={form.htmlBody}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                  onInput={onPart('htmlBody')}
                />
              )}
            </Field>
          )}
          {usesBuiltIn && (
            <p class="muted" data-testid="template-uses-default">
              {t.templateDefault}
            </p>
          )}
          <h3>{t.templatePreview}</h3>
          <div class="template-preview" data-testid="template-preview" aria-live="polite">
            {!preview && !previewError && <Loading />}
            {preview && email && preview.subject && (
              <p>
                <strong>{preview.subject}</strong>
              </p>
            )}
            {preview?.textBody && <pre>{preview.textBody}</pre>}
            {preview && email && preview.htmlBody && <pre>{preview.htmlBody}</pre>}
          </div>
          {!!error && !Object.keys(fieldErrors(error)).length && <ErrorMessage error={error} />}
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
