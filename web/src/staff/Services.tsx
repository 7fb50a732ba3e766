// Services with their booking rules, providers and intake questions (manager+).
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, ApiError, enc } from '../lib/api';
import type { Page, Provider, Question, QuestionKind, Service } from '../lib/types';
import { Alert, ErrorMessage, Field, Link, Loading, PageTitle, TextField } from '../components/ui';
import { focusFirstProblem, namesFields, problemFieldText } from './problem_fields';
import type { StaffContext } from './session';
import { useLoad } from './useLoad';

interface Draft {
  name: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  slotIntervalMinutes: string;
  minNoticeMinutes: string;
  bookingWindowDays: string;
  maxPerDay: string;
  providerIds: string[];
  questions: (Omit<Question, 'choices'> & { choices: string })[];
}

const numberFields = ['durationMinutes', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'slotIntervalMinutes', 'minNoticeMinutes', 'bookingWindowDays', 'maxPerDay'];
/** The fields the service form shows a server problem next to. */
const shownField = (f: string) =>
  f === 'name' || numberFields.includes(f) || /^providerIds(\[\d+\])?$/.test(f) || /^questions(\[\d+\](\.(label|key|kind|choices(\[\d+\])?))?)?$/.test(f);

const emptyDraft = (): Draft => ({
  name: '',
  durationMinutes: '30',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '0',
  slotIntervalMinutes: '30',
  minNoticeMinutes: '60',
  bookingWindowDays: '60',
  maxPerDay: '0',
  providerIds: [],
  questions: [],
});

const toDraft = (s: Service): Draft => ({
  name: s.name,
  durationMinutes: String(s.durationMinutes),
  bufferBeforeMinutes: String(s.bufferBeforeMinutes),
  bufferAfterMinutes: String(s.bufferAfterMinutes),
  slotIntervalMinutes: String(s.slotIntervalMinutes),
  minNoticeMinutes: String(s.minNoticeMinutes),
  bookingWindowDays: String(s.bookingWindowDays),
  maxPerDay: String(s.maxPerDay ?? 0),
  providerIds: [...s.providerIds],
  questions: s.questions.map((q) => ({ ...q, choices: q.choices.join(', ') })),
});

const fromDraft = (d: Draft) => ({
  name: d.name,
  durationMinutes: Number(d.durationMinutes),
  bufferBeforeMinutes: Number(d.bufferBeforeMinutes),
  bufferAfterMinutes: Number(d.bufferAfterMinutes),
  slotIntervalMinutes: Number(d.slotIntervalMinutes),
  minNoticeMinutes: Number(d.minNoticeMinutes),
  bookingWindowDays: Number(d.bookingWindowDays),
  maxPerDay: Number(d.maxPerDay),
  providerIds: d.providerIds,
  // A new question has no key: the server derives a stable one from its label.
  questions: d.questions.map((q) => ({
    key: q.key || undefined,
    label: q.label,
    kind: q.kind,
    required: q.required,
    choices: q.kind === 'singleChoice' ? q.choices.split(',').map((c) => c.trim()).filter(Boolean) : [],
  })),
});

export function ServicesSection({ ctx }: { ctx: StaffContext }) {
  const list = useLoad(() => api<Page<Service>>('GET', `${ctx.biz}/services`), [ctx.biz]);
  const providers = useLoad(() => api<Page<Provider>>('GET', `${ctx.biz}/providers`), [ctx.biz]);
  const [editing, setEditing] = useState<string | null>(null); // service id or 'new'
  const [error, setError] = useState<unknown>(null);

  const remove = async (s: Service) => {
    if (!confirm(t.confirmRemove(s.name))) return;
    setError(null);
    try {
      await api('DELETE', `${ctx.biz}/services/${enc(s.id)}`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const services = list.data?.items ?? [];
  const current = services.find((s) => s.id === editing);
  return (
    <>
      <PageTitle title={t.servicesTitle}>{t.servicesTitle}</PageTitle>
      <p>
        {t.bookingPage}: <Link href={`/b/${ctx.membership.slug}`}>{`/b/${ctx.membership.slug}`}</Link>
      </p>
      <ErrorMessage error={list.error ?? error} />
      {!list.data && !list.error && <Loading />}
      <ul class="plain-list">
        {services.map((s) => (
          <li key={s.id} class="service-row">
            <span>
              <strong>{s.name}</strong> <span class="muted">· {t.minutes(s.durationMinutes)}</span>
            </span>
            <button type="button" class="btn-link" onClick={() => setEditing(s.id)} aria-label={t.editService(s.name)}>
              {t.edit}
            </button>
            <button type="button" class="btn-link" onClick={() => remove(s)} aria-label={`${t.remove} ${s.name}`}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
      {editing === null && (
        <button type="button" class="btn-primary" onClick={() => setEditing('new')}>
          {t.addService}
        </button>
      )}
      {editing !== null && (
        <ServiceForm
          key={editing}
          ctx={ctx}
          service={current}
          providers={providers.data?.items ?? []}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}

function ServiceForm({
  ctx,
  service,
  providers,
  onDone,
  onCancel,
}: {
  ctx: StaffContext;
  service?: Service;
  providers: Provider[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<Draft>(service ? toDraft(service) : emptyDraft());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldError = (f: string) => problemFieldText(error, f);
  // The first of the fields' problems under a prefix ("providerIds[2]" shows on the providers).
  const firstUnder = (prefix: string) => {
    const errs = error instanceof ApiError ? (error.problem.errors ?? []) : [];
    const hit = errs.find((e) => e.field === prefix || e.field.startsWith(`${prefix}[`) || e.field.startsWith(`${prefix}.`));
    return hit ? problemFieldText(error, hit.field) : undefined;
  };
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const setQ = (i: number, patch: Partial<Draft['questions'][number]>) =>
    set({ questions: d.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) });
  const num = (key: keyof Draft, label: string) => (
    <TextField label={label} type="number" min="0" required value={d[key] as string} error={fieldError(key)} onValue={(v) => set({ [key]: v } as Partial<Draft>)} />
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (service) await api('PATCH', `${ctx.biz}/services/${enc(service.id)}`, fromDraft(d));
      else await api('POST', `${ctx.biz}/services`, fromDraft(d));
      onDone();
    } catch (err) {
      setError(err);
      focusFirstProblem(formRef.current);
    } finally {
      setBusy(false);
    }
  };
  const providersError = firstUnder('providerIds');
  const questionsError = fieldError('questions');

  const title = service ? t.editService(service.name) : t.addService;
  return (
    <form onSubmit={submit} class="card service-form" aria-label={title} ref={formRef}>
      <h2>{title}</h2>
      <TextField label={t.serviceName} name="serviceName" required value={d.name} error={fieldError('name')} onValue={(v) => set({ name: v })} />
      <div class="grid-2">
        {num('durationMinutes', t.duration)}
        {num('slotIntervalMinutes', t.slotInterval)}
        {num('bufferBeforeMinutes', t.bufferBefore)}
        {num('bufferAfterMinutes', t.bufferAfter)}
        {num('minNoticeMinutes', t.minNotice)}
        {num('bookingWindowDays', t.bookingWindow)}
        {num('maxPerDay', t.maxPerDay)}
      </div>
      <fieldset class="choices" aria-describedby={providersError ? 'service-providers-err' : undefined}>
        <legend>{t.serviceProviders}</legend>
        {providersError && (
          <p class="field-error" id="service-providers-err">
            {providersError}
          </p>
        )}
        {providers.map((p) => (
          <label key={p.id} class="choice">
            <input
              type="checkbox"
              aria-invalid={providersError ? true : undefined}
              checked={d.providerIds.includes(p.id)}
              onChange={(e) =>
                set({
                  providerIds: (e.target as HTMLInputElement).checked
                    ? [...d.providerIds, p.id]
                    : d.providerIds.filter((x) => x !== p.id),
                })
              }
            />
            <span>{p.name}</span>
          </label>
        ))}
      </fieldset>
      <fieldset aria-describedby={questionsError ? 'service-questions-err' : undefined}>
        <legend>{t.questions}</legend>
        {questionsError && (
          <p class="field-error" id="service-questions-err" tabIndex={-1}>
            {questionsError}
          </p>
        )}
        {d.questions.map((q, i) => (
          <fieldset key={i} class="question">
            <legend>{t.questionN(i + 1)}</legend>
            {/* The key is the server's (made from the label), so its problems show on the label. */}
            <TextField
              label={t.questionLabel}
              required
              value={q.label}
              error={fieldError(`questions[${i}].label`) ?? fieldError(`questions[${i}].key`) ?? fieldError(`questions[${i}]`)}
              onValue={(v) => setQ(i, { label: v })}
            />
            <Field label={t.questionKind} error={fieldError(`questions[${i}].kind`)}>
              {({ id, describedBy, invalid }) => (
                <select id={id} value={q.kind} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => setQ(i, { kind: (e.target as HTMLSelectElement).value as QuestionKind })}>
                  {Object.entries(t.questionKinds).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {q.kind === 'singleChoice' && (
              <TextField label={t.questionChoices} required value={q.choices} error={firstUnder(`questions[${i}].choices`)} onValue={(v) => setQ(i, { choices: v })} />
            )}
            <label class="choice">
              <input type="checkbox" checked={q.required} onChange={(e) => setQ(i, { required: (e.target as HTMLInputElement).checked })} />
              <span>{t.questionRequired}</span>
            </label>
            <button type="button" class="btn-link" onClick={() => set({ questions: d.questions.filter((_, j) => j !== i) })}>
              {t.removeQuestion(i + 1)}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          class="btn-secondary"
          onClick={() => set({ questions: [...d.questions, { key: '', label: '', kind: 'shortText', required: false, choices: '' }] })}
        >
          {t.addQuestion}
        </button>
      </fieldset>
      {!!error && !namesFields(error, shownField) && <ErrorMessage error={error} />}
      {error == null && busy && <Alert kind="info">{t.saving}</Alert>}
      <div class="actions">
        <button type="submit" class="btn-primary" disabled={busy}>
          {service ? t.save : t.createService}
        </button>
        <button type="button" class="btn-secondary" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
