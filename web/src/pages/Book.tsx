// Consumer booking at /b/{slug}: service and provider, a calendar of free days and times in
// the consumer's zone, intake questions and contact details, then the confirmation. All
// typed input lives in this component's state, so a taken slot (409) loses nothing.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, locale, money } from '../i18n';
import { api, ApiError, enc, newIdempotencyKey, query, type Slot, type SlotsResponse } from '../lib/api';
import type { BookingCreated, PublicBusiness, Question, Service } from '../lib/types';
import { detectZone, formatDateTime, isValidZone } from '../lib/tz';
import { Calendar } from '../components/Calendar';
import { ZonePicker } from '../components/ZonePicker';
import { Alert, ErrorSummary, Field, Loading, PageTitle, TextField, errorText } from '../components/ui';
import { navigate } from '../lib/router';
import { useClinicBrand, type Profile } from '../lib/brand';
import { ContactCard, PolicyCard } from '../components/ClinicInfo';

const ANY = '';

export function BookPage({ slug }: { slug: string }) {
  const [business, setBusiness] = useState<PublicBusiness | null>(null);
  const profile = useClinicBrand(slug, business?.name);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    api<PublicBusiness>('GET', `/api/v1/public/businesses/${enc(slug)}`)
      .then(setBusiness)
      .catch(setLoadError);
  }, [slug]);

  if (loadError) {
    const notFound = loadError instanceof ApiError && loadError.status === 404;
    return (
      <main id="main">
        <PageTitle title={t.notFoundTitle}>{notFound ? t.notFoundTitle : t.errorTitle}</PageTitle>
        <p>{notFound ? t.businessNotFound : errorText(loadError)}</p>
      </main>
    );
  }
  if (!business) {
    return (
      <main id="main">
        <Loading />
      </main>
    );
  }
  return <BookingForm business={business} profile={profile} />;
}

interface Contact {
  name: string;
  email: string;
  phone: string;
  /** Explicit, unticked by default; only meaningful with a phone number. */
  smsConsent: boolean;
}

function BookingForm({ business, profile }: { business: PublicBusiness; profile: Profile | null }) {
  const now = useMemo(() => Date.now(), []);
  const [serviceId, setServiceId] = useState<string>(business.services.length === 1 ? business.services[0].id : '');
  const [providerId, setProviderId] = useState<string>(ANY);
  const [zone, setZone] = useState<string>(() => {
    const z = detectZone();
    return isValidZone(z) ? z : business.timeZone;
  });
  const [slot, setSlot] = useState<Slot | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [contact, setContact] = useState<Contact>({ name: '', email: '', phone: '', smsConsent: false });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string[]>([]);
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const altRef = useRef<HTMLDivElement>(null);
  const submitErrRef = useRef<HTMLDivElement>(null);
  // One key per booking attempt of the same slot: a network retry cannot book twice.
  const idemKey = useRef(newIdempotencyKey());

  const service: Service | undefined = business.services.find((s) => s.id === serviceId);
  const providers = business.providers.filter((p) => service?.providerIds.includes(p.id));
  const serviceWords = (id: string) => profile?.services.find((x) => x.id === id);
  const providerWords = (id: string) => profile?.providers.find((x) => x.id === id);
  // The provider shown with photo and bio: the one chosen, or the only one.
  const shownProvider = providerId ? providers.find((p) => p.id === providerId) : providers.length === 1 ? providers[0] : undefined;
  const shownWords = shownProvider ? providerWords(shownProvider.id) : undefined;

  // A failed submit moves focus to what went wrong, so it is seen and announced.
  useEffect(() => {
    if (alternatives) altRef.current?.focus();
  }, [alternatives]);
  useEffect(() => {
    if (submitError != null) submitErrRef.current?.focus();
  }, [submitError]);

  const selectSlot = (s: Slot) => {
    setSlot(s);
    setAlternatives(null);
    idemKey.current = newIdempotencyKey();
  };

  const fetchSlots = (from: string, to: string, z: string) =>
    api<SlotsResponse>(
      'GET',
      `/api/v1/public/businesses/${enc(business.slug)}/slots${query({ serviceId, providerId, from, to, timeZone: z })}`,
    );

  const validate = (): Record<string, string> => {
    const errs: Record<string, string> = {};
    if (!contact.name.trim()) errs['consumer.name'] = `${t.nameLabel}: ${t.isRequired}`;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email.trim())) errs['consumer.email'] = `${t.emailLabel}: ${t.invalidEmail}`;
    for (const q of service?.questions ?? []) {
      if (q.required && !(answers[q.key] ?? '').trim()) errs[`answers.${q.key}`] = `${q.label}: ${t.isRequired}`;
    }
    return errs;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitError(null);
    if (!service || !slot) {
      setSummary([t.chooseTimeFirst]);
      return;
    }
    const errs = validate();
    setFieldErrors(errs);
    setSummary(Object.values(errs));
    if (Object.keys(errs).length) return;
    await book(slot);
  };

  // One click on an offered alternative books it: the details were already valid.
  const bookAlternative = async (a: Slot) => {
    selectSlot(a);
    setSubmitError(null);
    await book(a);
  };

  const book = async (slot: Slot) => {
    if (!service) return;
    setBusy(true);
    try {
      const body = {
        serviceId: service.id,
        ...(providerId ? { providerId } : {}),
        start: slot.start,
        consumer: { name: contact.name.trim(), email: contact.email.trim(), phone: contact.phone.trim(), timeZone: zone, smsConsent: contact.smsConsent && contact.phone.trim() !== '' },
        answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== '')),
      };
      const created = await api<BookingCreated>('POST', `/api/v1/public/businesses/${enc(business.slug)}/bookings`, body, {
        idempotencyKey: idemKey.current,
      });
      const token = new URL(created.manageUrl, location.origin).pathname.split('/').pop() ?? '';
      navigate(`/b/${enc(business.slug)}/booked/${enc(token)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setAlternatives(err.problem.nearest ?? []);
        setSlot(null);
        // The times on screen are stale now: fetch them again.
        setReloads((n) => n + 1);
      } else if (err instanceof ApiError && err.status === 400 && err.problem.errors?.length) {
        const fe: Record<string, string> = {};
        for (const x of err.problem.errors) fe[x.field] = `${labelFor(x.field, service)}: ${x.message}`;
        setFieldErrors(fe);
        setSummary(Object.values(fe));
      } else {
        setSubmitError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <PageTitle title={t.bookTitle(business.name)}>{t.bookTitle(business.name)}</PageTitle>
      {profile?.description && <p class="clinic-intro" data-testid="clinic-description">{profile.description}</p>}
      <PolicyCard
        facts={{
          minNoticeMinutes: service?.minNoticeMinutes,
          bookingWindowDays: service?.bookingWindowDays,
          cancelCutoffHours: profile?.policy.cancelCutoffHours ?? 0,
          rescheduleCutoffHours: profile?.policy.rescheduleCutoffHours ?? 0,
        }}
        zone={zone}
        now={now}
      />
      <form onSubmit={submit} noValidate>
        <section aria-labelledby="step-service" class="card">
          <h2 id="step-service">{t.stepService}</h2>
          <fieldset class="choices">
            <legend>{t.serviceLabel}</legend>
            {business.services.map((s) => (
              <label key={s.id} class="choice">
                <input
                  type="radio"
                  name="service"
                  value={s.id}
                  checked={s.id === serviceId}
                  onChange={() => {
                    setServiceId(s.id);
                    setProviderId(ANY);
                    setSlot(null);
                    setAlternatives(null);
                  }}
                />
                <span>
                  {s.name} <span class="muted">· {t.minutes(s.durationMinutes)}</span>
                  {serviceWords(s.id)?.price && (
                    <span class="price">
                      {' · '}
                      {Number(serviceWords(s.id)!.price!.amount) === 0
                        ? t.priceFree
                        : money(serviceWords(s.id)!.price!.amount, serviceWords(s.id)!.price!.currency)}
                    </span>
                  )}
                  {serviceWords(s.id)?.description && <span class="service-desc">{serviceWords(s.id)!.description}</span>}
                </span>
              </label>
            ))}
          </fieldset>
          {service && providers.length > 1 && (
            <Field label={t.providerLabel}>
              {({ id }) => (
                <select
                  id={id}
                  value={providerId}
                  onChange={(e) => {
                    setProviderId((e.target as HTMLSelectElement).value);
                    setSlot(null);
                  }}
                >
                  <option value={ANY}>{t.anyProvider}</option>
                  {providers.map((p) => (
                    <option key={p.id} value={p.id}>
                      {t.providerWith(p.name, providerWords(p.id)?.title ?? '')}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {service && providers.length === 1 && providerWords(providers[0].id)?.title && (
            <p class="muted">{t.providerWith(providers[0].name, providerWords(providers[0].id)!.title)}</p>
          )}
          {service && shownProvider && (shownWords?.photoUrl || shownWords?.bio) && (
            <div class="provider-face">
              {shownWords?.photoUrl && <img class="provider-photo" src={shownWords.photoUrl} alt={t.providerPhotoAlt(shownProvider.name)} data-testid="provider-photo" />}
              {shownWords?.bio && (
                <p class="provider-bio" data-testid="provider-bio">
                  {shownWords.bio}
                </p>
              )}
            </div>
          )}
        </section>

        {service && (
          <section aria-labelledby="step-time" class="card">
            <h2 id="step-time">{t.stepTime}</h2>
            <ZonePicker zone={zone} onChange={(z) => { setZone(z); setSlot(null); }} now={now} />
            <Calendar
              zone={zone}
              now={now}
              windowDays={service.bookingWindowDays}
              fetchSlots={fetchSlots}
              selected={slot}
              onSelect={selectSlot}
              reloadKey={`${serviceId}-${providerId}-${reloads}`}
            />
            {slot && (
              <p class="selected" role="status">
                {t.selectedSlot(formatDateTime(slot.start, zone, locale))}
              </p>
            )}
          </section>
        )}

        {alternatives && (
          <div class="alert alert-error" role="alert" tabIndex={-1} ref={altRef}>
            <p>{alternatives.length ? t.slotTaken : t.slotTakenNone}</p>
            {alternatives.length > 0 && (
              <ul class="alternatives">
                {alternatives.map((a) => (
                  <li key={a.start}>
                    <button type="button" class="btn-secondary" data-start={a.start} disabled={busy} onClick={() => bookAlternative(a)}>
                      {t.useAlternative(formatDateTime(a.start, zone, locale))}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        {service && (
          <section aria-labelledby="step-details" class="card">
            <h2 id="step-details">{t.stepDetails}</h2>
            <ErrorSummary errors={summary} />
            {service.questions.map((q) => (
              <QuestionField
                key={q.key}
                q={q}
                value={answers[q.key] ?? ''}
                error={fieldErrors[`answers.${q.key}`]}
                onValue={(v) => setAnswers({ ...answers, [q.key]: v })}
              />
            ))}
            <TextField
              label={t.nameLabel}
              name="name"
              autoComplete="name"
              required
              value={contact.name}
              error={fieldErrors['consumer.name']}
              onValue={(v) => setContact({ ...contact, name: v })}
            />
            <TextField
              label={t.emailLabel}
              hint={t.emailHint}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={contact.email}
              error={fieldErrors['consumer.email']}
              onValue={(v) => setContact({ ...contact, email: v })}
            />
            <TextField
              label={t.phoneLabel}
              name="phone"
              type="tel"
              autoComplete="tel"
              required={false}
              value={contact.phone}
              error={fieldErrors['consumer.phone']}
              onValue={(v) => setContact({ ...contact, phone: v })}
            />
            {contact.phone.trim() !== '' && (
              <label class="choice consent">
                <input
                  type="checkbox"
                  name="smsConsent"
                  checked={contact.smsConsent}
                  onChange={(e) => setContact({ ...contact, smsConsent: (e.target as HTMLInputElement).checked })}
                />
                <span>{t.smsConsentLabel}</span>
              </label>
            )}
            {submitError != null && (
              <div tabIndex={-1} ref={submitErrRef}>
                <Alert>{errorText(submitError)}</Alert>
              </div>
            )}
            <button type="submit" class="btn-primary" disabled={busy}>
              {busy ? t.booking : t.bookButton}
            </button>
            {!slot && <p class="muted">{t.chooseTimeFirst}</p>}
          </section>
        )}
      </form>
      <ContactCard profile={profile} lead={t.contactHelp(business.name)} />
    </main>
  );
}

function labelFor(field: string, service: Service | undefined): string {
  if (field === 'consumer.name') return t.nameLabel;
  if (field === 'consumer.email') return t.emailLabel;
  if (field === 'consumer.phone') return t.phoneLabel;
  if (field.startsWith('answers.')) {
    const q = service?.questions.find((x) => `answers.${x.key}` === field);
    if (q) return q.label;
  }
  return field;
}

function QuestionField({ q, value, error, onValue }: { q: Question; value: string; error?: string; onValue: (v: string) => void }) {
  if (q.kind === 'singleChoice') {
    return (
      <fieldset class={`choices${error ? ' field-invalid' : ''}`}>
        <legend>
          {q.label}
          {!q.required && <span class="muted"> {t.optional}</span>}
        </legend>
        {error && <p class="field-error">{error}</p>}
        {q.choices.map((c) => (
          <label key={c} class="choice">
            <input type="radio" name={`q-${q.key}`} value={c} checked={value === c} onChange={() => onValue(c)} />
            <span>{c}</span>
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <Field label={q.label} error={error} required={q.required}>
      {({ id, describedBy, invalid }) =>
        q.kind === 'longText' ? (
          <textarea
            id={id}
            name={`q-${q.key}`}
            rows={3}
            value={value}
            required={q.required}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)}
          />
        ) : (
          <input
            id={id}
            name={`q-${q.key}`}
            value={value}
            required={q.required}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onInput={(e) => onValue((e.target as HTMLInputElement).value)}
          />
        )
      }
    </Field>
  );
}
