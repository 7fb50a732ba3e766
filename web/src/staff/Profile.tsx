// The manager's clinic profile: what clients see (description, contact, accent colour,
// logo) and the words on each service (description, price) and provider (title, bio).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, apiUpload, ApiError, enc } from '../lib/api';
import type { Profile } from '../lib/brand';
import type { Page, Provider, Service } from '../lib/types';
import { Alert, ErrorMessage, Field, Loading, PageTitle, TextField } from '../components/ui';
import type { StaffContext } from './session';
import { useLoad } from './useLoad';
import { EmbedCard } from './Embed';
import { ProviderPhotoForm } from './ProviderPhoto';
import { asSentence, focusFirstProblem, namesFields } from './problem_fields';

const kMaxLogoBytes = 256 * 1024;
const kLogoTypes = ['image/png', 'image/jpeg', 'image/webp'];

/** Server field errors by field name, as sentences next to their inputs. */
function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof ApiError) for (const f of e.problem.errors ?? []) out[f.field] = asSentence(f.message);
  return out;
}

export function ProfileSection({ ctx }: { ctx: StaffContext }) {
  const loaded = useLoad(() => api<Profile>('GET', `${ctx.biz}/profile`), [ctx.biz]);
  const services = useLoad(() => api<Page<Service>>('GET', `${ctx.biz}/services`), [ctx.biz]);
  const providers = useLoad(() => api<Page<Provider>>('GET', `${ctx.biz}/providers`), [ctx.biz]);
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!loaded.data || !services.data || !providers.data) return <Loading />;
  const p = loaded.data;
  return (
    <>
      <PageTitle title={t.profileTitle}>{t.profileTitle}</PageTitle>
      <p>{t.profileIntro}</p>
      <BusinessForm ctx={ctx} profile={p} onSaved={loaded.reload} />
      <LogoForm ctx={ctx} profile={p} onSaved={loaded.reload} />
      <section class="card" aria-labelledby="svc-words-h">
        <h2 id="svc-words-h">{t.servicesProfileTitle}</h2>
        {services.data.items.map((s) => (
          <ServiceWords key={s.id} ctx={ctx} service={s} words={p.services.find((x) => x.id === s.id)} />
        ))}
      </section>
      <section class="card" aria-labelledby="prov-words-h">
        <h2 id="prov-words-h">{t.providersProfileTitle}</h2>
        {providers.data.items.map((v) => (
          <ProviderWords key={v.id} ctx={ctx} provider={v} words={p.providers.find((x) => x.id === v.id)} onPhoto={loaded.reload} />
        ))}
      </section>
      <EmbedCard ctx={ctx} />
    </>
  );
}

function BusinessForm({ ctx, profile, onSaved }: { ctx: StaffContext; profile: Profile; onSaved: () => void }) {
  const [form, setForm] = useState({
    description: profile.description,
    phone: profile.contact.phone,
    email: profile.contact.email,
    address: profile.contact.address,
    accentColor: profile.accentColor || '#1f4e8c',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errRef = useRef<HTMLDivElement>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    setErrors({});
    try {
      await api('PUT', `${ctx.biz}/profile`, {
        description: form.description.trim(),
        accentColor: form.accentColor,
        contact: { phone: form.phone.trim(), email: form.email.trim(), address: form.address.trim() },
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(err);
      focusFirstProblem(errRef.current);
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  return (
    <form class="card" onSubmit={save} noValidate aria-labelledby="biz-profile-h">
      <h2 id="biz-profile-h">{profile.name}</h2>
      <div ref={errRef}>
        <Field label={t.profileDescription} hint={t.profileDescriptionHint} error={errors.description} required={false}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={3}
              maxLength={500}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.description}
              onInput={(e) => set('description')((e.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <div class="grid-2">
          <TextField label={t.profilePhone} type="tel" required={false} value={form.phone} error={errors['contact.phone']} onValue={set('phone')} />
          <TextField label={t.profileEmail} type="email" required={false} value={form.email} error={errors['contact.email']} onValue={set('email')} />
        </div>
        <Field label={t.profileAddress} error={errors['contact.address']} required={false}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={2}
              maxLength={300}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.address}
              onInput={(e) => set('address')((e.target as HTMLTextAreaElement).value)}
            />
          )}
        </Field>
        <TextField label={t.profileAccent} hint={t.profileAccentHint} type="color" value={form.accentColor} error={errors.accentColor} onValue={set('accentColor')} />
        {error != null && !namesFields(error, (f) => ['description', 'accentColor', 'contact.phone', 'contact.email', 'contact.address'].includes(f)) && (
          <div tabIndex={-1}>
            <ErrorMessage error={error} />
          </div>
        )}
      </div>
      {saved && <Alert kind="success">{t.profileSaved}</Alert>}
      <button type="submit" class="btn-primary" disabled={busy}>
        {busy ? t.saving : t.save}
      </button>
    </form>
  );
}

function LogoForm({ ctx, profile, onSaved }: { ctx: StaffContext; profile: Profile; onSaved: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (problem) fileRef.current?.focus();
  }, [problem]);
  const upload = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    setProblem(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setProblem(t.logoWrongType);
    if (!kLogoTypes.includes(file.type)) return setProblem(t.logoWrongType);
    if (file.size > kMaxLogoBytes) return setProblem(t.logoTooLarge);
    setBusy(true);
    try {
      await apiUpload('PUT', `${ctx.biz}/logo`, file, file.type);
      setMessage(t.logoSaved);
      onSaved();
    } catch (err) {
      setProblem(err instanceof ApiError && err.status === 413 ? t.logoTooLarge : err instanceof ApiError && err.status === 415 ? t.logoWrongType : String((err as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await api('DELETE', `${ctx.biz}/logo`);
      setMessage(t.logoRemoved);
      onSaved();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={upload} noValidate aria-labelledby="logo-h">
      <h2 id="logo-h">{t.logoTitle}</h2>
      {profile.logoUrl ? (
        <img class="logo-preview" src={profile.logoUrl} alt={t.logoCurrent} data-testid="logo-preview" />
      ) : (
        <p class="muted">{t.logoNone}</p>
      )}
      <Field label={t.logoChoose} hint={t.logoHint} error={problem ?? undefined}>
        {({ id, describedBy, invalid }) => (
          <input id={id} ref={fileRef} type="file" accept={kLogoTypes.join(',')} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
        )}
      </Field>
      <p ref={problemRef} class="visually-hidden" aria-live="polite">
        {problem ?? ''}
      </p>
      {message && <Alert kind="success">{message}</Alert>}
      <div class="actions">
        <button type="submit" class="btn-primary" disabled={busy}>
          {t.logoUpload}
        </button>
        {profile.logoUrl && (
          <button type="button" class="btn-secondary" disabled={busy} onClick={remove}>
            {t.logoRemove}
          </button>
        )}
      </div>
    </form>
  );
}

type Words = Profile['services'][number];

function ServiceWords({ ctx, service, words }: { ctx: StaffContext; service: Service; words?: Words }) {
  const [description, setDescription] = useState(words?.description ?? '');
  const [amount, setAmount] = useState(words?.price?.amount ?? '');
  const [currency, setCurrency] = useState(words?.price?.currency ?? 'EUR');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setErrors({});
    setError(null);
    try {
      await api('PUT', `${ctx.biz}/services/${enc(service.id)}/profile`, {
        description: description.trim(),
        price: amount.trim() ? { amount: amount.trim(), currency: currency.trim().toUpperCase() } : null,
      });
      setSaved(true);
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(err);
      focusFirstProblem(formRef.current);
    }
  };
  return (
    <form class="subsection" onSubmit={save} noValidate data-service={service.id} ref={formRef}>
      <h3>{service.name}</h3>
      <Field label={t.serviceDescription(service.name)} error={errors.description} required={false}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={2} maxLength={1000} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} />
        )}
      </Field>
      <div class="grid-2">
        <TextField label={t.servicePrice} hint={t.servicePriceHint} required={false} value={amount} error={errors['price.amount']} onValue={setAmount} />
        <TextField label={t.serviceCurrency} hint={t.serviceCurrencyHint} required={false} value={currency} error={errors['price.currency']} onValue={setCurrency} />
      </div>
      {error != null && !namesFields(error, (f) => f === 'description' || f.startsWith('price')) && <ErrorMessage error={error} />}
      {saved && <Alert kind="success">{t.serviceSaved(service.name)}</Alert>}
      <button type="submit" class="btn-secondary">
        {t.saveService(service.name)}
      </button>
    </form>
  );
}

function ProviderWords({ ctx, provider, words, onPhoto }: { ctx: StaffContext; provider: Provider; words?: Profile['providers'][number]; onPhoto: () => void }) {
  const [title, setTitle] = useState(words?.title ?? '');
  const [bio, setBio] = useState(words?.bio ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setErrors({});
    setError(null);
    try {
      await api('PUT', `${ctx.biz}/providers/${enc(provider.id)}/profile`, { title: title.trim(), bio: bio.trim() });
      setSaved(true);
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(err);
      focusFirstProblem(formRef.current);
    }
  };
  return (
    <form class="subsection" onSubmit={save} noValidate data-provider={provider.id} ref={formRef}>
      <h3>{provider.name}</h3>
      <TextField label={t.providerTitle(provider.name)} hint={t.providerTitleHint} required={false} value={title} error={errors.title || undefined} onValue={setTitle} />
      <Field label={t.providerBio(provider.name)} error={errors.bio || undefined} required={false}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} rows={3} maxLength={1000} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={bio} onInput={(e) => setBio((e.target as HTMLTextAreaElement).value)} />
        )}
      </Field>
      {error != null && !namesFields(error, (f) => f === 'title' || f === 'bio') && <ErrorMessage error={error} />}
      {saved && <Alert kind="success">{t.providerSaved(provider.name)}</Alert>}
      <button type="submit" class="btn-secondary">
        {t.saveProvider(provider.name)}
      </button>
      <ProviderPhotoForm ctx={ctx} providerId={provider.id} name={provider.name} photoUrl={words?.photoUrl} onSaved={onPhoto} />
    </form>
  );
}
