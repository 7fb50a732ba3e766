// The manager's embed card (issue I): the iframe code for the clinic's own website, with a
// copy button, and the websites allowed to show the booking page (CSP frame-ancestors).
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, ApiError } from '../lib/api';
import type { components } from '../lib/api.gen';
import { Alert, ErrorMessage, Field, Loading } from '../components/ui';
import type { StaffContext } from './session';
import { useLoad } from './useLoad';
import { asSentence, focusFirstProblem } from './problem_fields';

type Embed = components['schemas']['Embed'];

/** The code a clinic pastes into its site: the booking page in a frame, and visitd's sizing script. */
export function embedSnippet(base: string, slug: string, clinic: string): string {
  const title = t.embedFrameTitle(clinic).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<iframe src="${base}/b/${encodeURIComponent(slug)}" title="${title}" data-visitd-embed ` +
    `style="width:100%;min-height:600px;border:0" loading="lazy"></iframe>\n` +
    `<script src="${base}/embed.js" async></script>`
  );
}

/** The server names bad lines "origins[i]"; the form shows them as numbered sentences. */
function originProblems(e: unknown): string | undefined {
  if (!(e instanceof ApiError)) return undefined;
  const lines = (e.problem.errors ?? [])
    .map((f) => {
      const m = /^origins(?:\[(\d+)\])?$/.exec(f.field);
      if (!m) return null;
      return m[1] === undefined ? asSentence(f.message) : `${t.embedLine(Number(m[1]) + 1)}: ${asSentence(f.message)}`;
    })
    .filter((x): x is string => x !== null);
  return lines.length ? lines.join(' ') : undefined;
}

export function EmbedCard({ ctx }: { ctx: StaffContext }) {
  const loaded = useLoad(() => api<Embed>('GET', `${ctx.biz}/embed`), [ctx.biz]);
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  return <EmbedForm ctx={ctx} embed={loaded.data} onSaved={loaded.reload} />;
}

function EmbedForm({ ctx, embed, onSaved }: { ctx: StaffContext; embed: Embed; onSaved: () => void }) {
  const [text, setText] = useState(embed.origins.join('\n'));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const snippetRef = useRef<HTMLTextAreaElement>(null);
  const snippet = embedSnippet(location.origin, ctx.membership.slug, ctx.membership.businessName);
  const problem = originProblems(error);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(t.embedCopied);
    } catch {
      snippetRef.current?.select();
      setCopied(t.embedCopyFailed);
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const origins = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    try {
      const answer = await api<Embed>('PUT', `${ctx.biz}/embed`, { origins });
      setText(answer.origins.join('\n'));
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
      focusFirstProblem(formRef.current);
    }
  };
  return (
    <section class="card" aria-labelledby="embed-h">
      <h2 id="embed-h">{t.embedTitle}</h2>
      <p>{t.embedIntro}</p>
      <Field label={t.embedSnippetLabel}>
        {({ id, describedBy }) => (
          <textarea id={id} ref={snippetRef} class="code" rows={4} readOnly aria-describedby={describedBy} value={snippet} data-testid="embed-snippet" />
        )}
      </Field>
      <div class="actions">
        <button type="button" class="btn-secondary" onClick={copy}>
          {t.embedCopy}
        </button>
        <p role="status" class="muted">
          {copied ?? ''}
        </p>
      </div>
      <form ref={formRef} onSubmit={save} noValidate>
        <Field label={t.embedOrigins} hint={t.embedOriginsHint(embed.maxOrigins)} error={problem} required={false}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={3}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={text}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
              data-testid="embed-origins"
            />
          )}
        </Field>
        {error != null && problem === undefined && <ErrorMessage error={error} />}
        {saved && <Alert kind="success">{text.trim() ? t.embedSaved : t.embedNone}</Alert>}
        <button type="submit" class="btn-primary">
          {t.embedSave}
        </button>
      </form>
    </section>
  );
}
