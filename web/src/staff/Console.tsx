// Manager console sections: providers, hours of any provider, staff and roles, business
// settings and the audit log. Services live in Services.tsx.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, ApiError, enc, query } from '../lib/api';
import { fromMinutes, toMinutes, type Duration } from '../lib/durations';
import type { AuditEntry, BusinessSettings, Page, Provider, StaffMember } from '../lib/types';
import { addDays, detectZone, formatDateTime, listZones, zonedTimeToUtc } from '../lib/tz';
import { Alert, ErrorMessage, Field, Loading, PageTitle, TextField } from '../components/ui';
import type { StaffContext } from './session';
import { ProviderPicker, ProviderSchedule } from './Schedule';
import { FeedCard } from './Calendars';
import { useLoad } from './useLoad';
import { TemplatesSection } from './Templates';
import { ReminderOffsets } from './ReminderOffsets';
import { focusFirstProblem, namesFields, problemFieldText } from './problem_fields';
import { InvitationsCard } from './Invitations'; // h-privacy: adding a person is an invitation

function ZoneSelect({ label, value, onValue, error }: { label: string; value: string; onValue: (z: string) => void; error?: string }) {
  return (
    <Field label={label} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onValue((e.target as HTMLSelectElement).value)}>
          {listZones(value).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function ProvidersSection({ ctx }: { ctx: StaffContext }) {
  const list = useLoad(() => api<Page<Provider>>('GET', `${ctx.biz}/providers`), [ctx.biz]);
  const staff = useLoad(() => api<Page<StaffMember>>('GET', `${ctx.biz}/staff`), [ctx.biz]);
  const [name, setName] = useState('');
  const [zone, setZone] = useState(detectZone());
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [addError, setAddError] = useState<unknown>(null);
  const addRef = useRef<HTMLFormElement>(null);
  const addField = (f: string) => problemFieldText(addError, f);

  const add = async (e: Event) => {
    e.preventDefault();
    setAddError(null);
    try {
      await api('POST', `${ctx.biz}/providers`, { name, timeZone: zone, userId: userId || null });
      setName('');
      setUserId('');
      list.reload();
    } catch (err) {
      setAddError(err);
      focusFirstProblem(addRef.current);
    }
  };
  const patch = async (p: Provider, body: Partial<Provider>) => {
    setError(null);
    try {
      await api('PATCH', `${ctx.biz}/providers/${enc(p.id)}`, body);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (p: Provider) => {
    if (!confirm(t.confirmRemove(p.name))) return;
    try {
      await api('DELETE', `${ctx.biz}/providers/${enc(p.id)}`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const members = staff.data?.items ?? [];

  return (
    <>
      <PageTitle title={t.providersTitle}>{t.providersTitle}</PageTitle>
      <ErrorMessage error={list.error ?? error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <table class="data">
          <caption class="visually-hidden">{t.providersTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.providerName}</th>
              <th scope="col">{t.providerZone}</th>
              <th scope="col">{t.providerUser}</th>
              <th scope="col">
                <span class="visually-hidden">{t.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.timeZone}</td>
                <td>
                  <label class="visually-hidden" for={`pu-${p.id}`}>{`${t.providerUser}: ${p.name}`}</label>
                  <select id={`pu-${p.id}`} value={p.userId ?? ''} onChange={(e) => patch(p, { userId: (e.target as HTMLSelectElement).value || null })}>
                    <option value="">{t.noUser}</option>
                    {members.map((m) => (
                      <option key={m.user.id} value={m.user.id}>
                        {m.user.name} ({m.user.email})
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button type="button" class="btn-link" onClick={() => remove(p)} aria-label={`${t.remove} ${p.name}`}>
                    {t.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} class="card" ref={addRef} aria-label={t.addProvider}>
        <h2>{t.addProvider}</h2>
        <TextField label={t.providerName} required value={name} onValue={setName} error={addField('name')} />
        <ZoneSelect label={t.providerZone} value={zone} onValue={setZone} error={addField('timeZone')} />
        <Field label={t.providerUser} required={false} error={addField('userId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={userId} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => setUserId((e.target as HTMLSelectElement).value)}>
              <option value="">{t.noUser}</option>
              {members.map((m) => (
                <option key={m.user.id} value={m.user.id}>
                  {m.user.name} ({m.user.email})
                </option>
              ))}
            </select>
          )}
        </Field>
        {!!addError && !namesFields(addError, (f) => ['name', 'timeZone', 'userId'].includes(f)) && <ErrorMessage error={addError} />}
        <button type="submit" class="btn-primary">
          {t.addProvider}
        </button>
      </form>
    </>
  );
}

export function HoursSection({ ctx }: { ctx: StaffContext }) {
  const list = useLoad(() => api<Page<Provider>>('GET', `${ctx.biz}/providers`), [ctx.biz]);
  const [selected, setSelected] = useState('');
  const providers = list.data?.items ?? [];
  useEffect(() => {
    if (!selected && providers.length) setSelected(providers[0].id);
  }, [providers.length]);
  const provider = providers.find((p) => p.id === selected);
  return (
    <>
      <PageTitle title={t.hoursTitle}>{t.hoursTitle}</PageTitle>
      <ErrorMessage error={list.error} />
      {!list.data && !list.error && <Loading />}
      {providers.length > 0 && <ProviderPicker providers={providers} value={selected} onChange={setSelected} />}
      {provider && <ProviderSchedule key={provider.id} biz={ctx.biz} provider={provider} />}
      <FeedCard path={`${ctx.biz}/calendar-feed`} title={t.businessFeedTitle} hint={t.businessFeedHint} />
    </>
  );
}

export function MyHoursSection({ ctx }: { ctx: StaffContext }) {
  const list = useLoad(() => api<Page<Provider>>('GET', `${ctx.biz}/providers`), [ctx.biz]);
  const mine = list.data?.items.find((p) => p.userId === ctx.me.user.id);
  return (
    <>
      <PageTitle title={t.navMyHours}>{t.navMyHours}</PageTitle>
      <ErrorMessage error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && !mine && <p>{t.notLinked}</p>}
      {mine && <ProviderSchedule biz={ctx.biz} provider={mine} />}
    </>
  );
}

export function TeamSection({ ctx }: { ctx: StaffContext }) {
  const list = useLoad(() => api<Page<StaffMember>>('GET', `${ctx.biz}/staff`), [ctx.biz]);
  const [error, setError] = useState<unknown>(null);
  const change = async (m: StaffMember, r: string) => {
    setError(null);
    try {
      await api('PATCH', `${ctx.biz}/staff/${enc(m.user.id)}`, { role: r });
    } catch (err) {
      setError(err);
    }
    list.reload();
  };
  const remove = async (m: StaffMember) => {
    if (!confirm(t.confirmRemove(m.user.name))) return;
    try {
      await api('DELETE', `${ctx.biz}/staff/${enc(m.user.id)}`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageTitle title={t.teamTitle}>{t.teamTitle}</PageTitle>
      <ErrorMessage error={list.error ?? error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t.teamTitle}>
        <table class="data">
          <caption class="visually-hidden">{t.teamTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.memberName}</th>
              <th scope="col">{t.memberEmail}</th>
              <th scope="col">{t.memberRole}</th>
              <th scope="col">
                <span class="visually-hidden">{t.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((m) => (
              <tr key={m.user.id}>
                <th scope="row">{m.user.name}</th>
                <td class="break">{m.user.email}</td>
                <td>
                  <select aria-label={t.roleOf(m.user.name)} value={m.role} onChange={(e) => change(m, (e.target as HTMLSelectElement).value)}>
                    {Object.entries(t.roles).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button type="button" class="btn-link" onClick={() => remove(m)} aria-label={`${t.remove} ${m.user.name}`}>
                    {t.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <InvitationsCard ctx={ctx} zone={detectZone()} />
    </>
  );
}

interface SettingsForm {
  name: string;
  zone: string;
  cancel: string;
  reschedule: string;
  reminders: Duration[];
}

export function SettingsSection({ ctx }: { ctx: StaffContext }) {
  const loaded = useLoad(() => api<BusinessSettings>('GET', ctx.biz), [ctx.biz]);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const b = loaded.data;
    if (b)
      setForm({
        name: b.name,
        zone: b.timeZone,
        cancel: String(b.rules.cancelCutoffHours),
        reschedule: String(b.rules.rescheduleCutoffHours),
        reminders: [...b.rules.reminderOffsetsMinutes].sort((a, c) => c - a).map(fromMinutes),
      });
  }, [loaded.data]);

  const fieldError = (field: string) => problemFieldText(error, field);
  const save = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    setError(null);
    setSaved(false);
    try {
      await api('PATCH', ctx.biz, {
        name: form.name,
        timeZone: form.zone,
        rules: {
          cancelCutoffHours: Number(form.cancel),
          rescheduleCutoffHours: Number(form.reschedule),
          reminderOffsetsMinutes: form.reminders.map(toMinutes).map((m) => (Number.isNaN(m) ? 0 : m)),
        },
      });
      setSaved(true);
    } catch (err) {
      setError(err);
      // Focus the first field in error (they carry aria-invalid), else the form's alert.
      requestAnimationFrame(() => {
        const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid=true], .alert-error');
        if (first && !first.hasAttribute('tabindex') && first.classList.contains('alert-error')) first.tabIndex = -1;
        first?.focus();
      });
    }
  };
  const named = error instanceof ApiError && !!error.problem.errors?.length;

  return (
    <>
      <PageTitle title={t.settingsTitle}>{t.settingsTitle}</PageTitle>
      <ErrorMessage error={loaded.error} />
      {!form && !loaded.error && <Loading />}
      {form && (
        <form onSubmit={save} class="card" ref={formRef} noValidate>
          <TextField label={t.businessName} required value={form.name} error={fieldError('name')} onValue={(v) => setForm({ ...form, name: v })} />
          <ZoneSelect label={t.businessZone} value={form.zone} onValue={(v) => setForm({ ...form, zone: v })} />
          <TextField
            label={t.cancelCutoff}
            type="number"
            min="0"
            max="720"
            required
            value={form.cancel}
            error={fieldError('rules.cancelCutoffHours')}
            onValue={(v) => setForm({ ...form, cancel: v })}
          />
          <TextField
            label={t.rescheduleCutoff}
            type="number"
            min="0"
            max="720"
            required
            value={form.reschedule}
            error={fieldError('rules.rescheduleCutoffHours')}
            onValue={(v) => setForm({ ...form, reschedule: v })}
          />
          <ReminderOffsets
            value={form.reminders}
            onValue={(v) => setForm({ ...form, reminders: v })}
            errors={(i) => fieldError(`rules.reminderOffsetsMinutes[${i}]`) ?? (i === 0 ? fieldError('rules.reminderOffsetsMinutes') : undefined)}
          />
          {!named && <ErrorMessage error={error} />}
          {named && <Alert>{t.fixFieldErrors(error.problem.errors?.length ?? 1)}</Alert>}
          {saved && <Alert kind="success">{t.saved}</Alert>}
          <button type="submit" class="btn-primary">
            {t.save}
          </button>
        </form>
      )}
      <TemplatesSection ctx={ctx} />
    </>
  );
}

const kAuditPage = 50;

/** "user:ab12" -> who it is in words: the name the server looked up, else what kind of actor. */
function actorText(a: AuditEntry): string {
  if (a.actor === 'consumer') return t.auditConsumer;
  if (a.actor === 'system') return t.auditSystem;
  if (a.actor.startsWith('token:')) return a.actorName ? t.auditToken(a.actorName) : t.auditUnknown;
  return a.actorName ?? t.auditUnknown;
}

function targetText(a: AuditEntry): string {
  if (a.targetName) return a.targetName;
  return a.target.startsWith('business:') ? '' : t.auditRemoved;
}

interface AuditFilter {
  actor: string;
  action: string;
  from: string; // YYYY-MM-DD in the viewer's zone, or ''
  to: string;
}

export function AuditSection({ ctx }: { ctx: StaffContext }) {
  const zone = detectZone();
  const [offset, setOffset] = useState(0);
  const [draft, setDraft] = useState<AuditFilter>({ actor: '', action: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilter>(draft);
  const staff = useLoad(() => api<Page<StaffMember>>('GET', `${ctx.biz}/staff`), [ctx.biz]);
  const list = useLoad(
    () =>
      api<Page<AuditEntry> & { total: number }>(
        'GET',
        `${ctx.biz}/audit${query({
          limit: kAuditPage,
          offset,
          actor: filter.actor || undefined,
          action: filter.action || undefined,
          // Whole days in the viewer's zone: from the start of `from` to the end of `to`.
          from: filter.from ? zonedTimeToUtc(filter.from, '00:00', zone).toISOString() : undefined,
          to: filter.to ? zonedTimeToUtc(addDays(filter.to, 1), '00:00', zone).toISOString() : undefined,
        })}`,
      ),
    [ctx.biz, offset, filter],
  );
  const members = staff.data?.items ?? [];
  return (
    <>
      <PageTitle title={t.auditTitle}>{t.auditTitle}</PageTitle>
      <form
        class="filters"
        aria-label={t.auditFilters}
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilter(draft);
        }}
      >
        <Field label={t.auditFilterActor}>
          {({ id }) => (
            <select id={id} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: (e.target as HTMLSelectElement).value })}>
              <option value="">{t.auditAnyone}</option>
              {members.map((m) => (
                <option key={m.user.id} value={`user:${m.user.id}`}>
                  {m.user.name}
                </option>
              ))}
              <option value="consumer">{t.auditConsumer}</option>
              <option value="system">{t.auditSystem}</option>
            </select>
          )}
        </Field>
        <Field label={t.auditFilterAction}>
          {({ id }) => (
            <select id={id} value={draft.action} onChange={(e) => setDraft({ ...draft, action: (e.target as HTMLSelectElement).value })}>
              <option value="">{t.auditAnything}</option>
              {Object.entries(t.auditFamilies).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.auditFilterFrom} required={false}>
          {({ id }) => <input id={id} type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: (e.target as HTMLInputElement).value })} />}
        </Field>
        <Field label={t.auditFilterTo} required={false}>
          {({ id }) => <input id={id} type="date" value={draft.to} onInput={(e) => setDraft({ ...draft, to: (e.target as HTMLInputElement).value })} />}
        </Field>
        <div class="actions">
          <button type="submit" class="btn-secondary">
            {t.auditApply}
          </button>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <p class="muted" role="status" data-testid="audit-count">
          {t.auditCount(list.data.items.length, list.data.total)}
        </p>
      )}
      {list.data && (
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t.auditTitle}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t.auditAt}</th>
                <th scope="col">{t.auditActor}</th>
                <th scope="col">{t.auditAction}</th>
                <th scope="col">{t.auditTarget}</th>
                <th scope="col">{t.auditDetail}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id} data-action={a.action}>
                  <td>
                    <time dateTime={a.at}>{formatDateTime(a.at, zone, locale)}</time>
                  </td>
                  <td>{actorText(a)}</td>
                  <td>{t.auditActions[a.action] ?? a.action}</td>
                  <td class="break">{targetText(a)}</td>
                  <td class="break">{a.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button type="button" class="btn-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - kAuditPage))}>
          {t.newer}
        </button>
        <button
          type="button"
          class="btn-secondary"
          disabled={!list.data || offset + list.data.items.length >= list.data.total}
          onClick={() => setOffset(offset + kAuditPage)}
        >
          {t.older}
        </button>
      </div>
    </>
  );
}
