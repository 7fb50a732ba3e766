// The consumer's manage link: see the appointment, reschedule it on the same calendar,
// cancel it with a reason; the cutoffs are explained in the consumer's zone.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { api, ApiError, enc, query, type Slot, type SlotsResponse } from '../lib/api';
import type { ManageView } from '../lib/types';
import { detectZone, formatDateTime, isValidZone } from '../lib/tz';
import { AppointmentSummary, IcsButton } from '../components/AppointmentSummary';
import { Calendar } from '../components/Calendar';
import { ZonePicker } from '../components/ZonePicker';
import { Alert, ErrorMessage, Field, Loading, PageTitle, errorText } from '../components/ui';
import { appPath } from './Confirmation';
import { emptyProfile, useClinicBrand } from '../lib/brand';
import { ContactCard } from '../components/ClinicInfo';
import { Link } from '../components/ui';
import { navigate } from '../lib/router';

// Reschedule calendar: how far ahead to let the consumer browse (the server applies the
// service's real booking window).
const kRescheduleBrowseDays = 180;

/** The problem type's slug ("booking-cancelled") of a refusal, or '' for anything else. */
export function problemSlug(error: unknown): string {
  if (!(error instanceof ApiError)) return '';
  const type = error.problem.type ?? '';
  return type.slice(type.lastIndexOf('/') + 1);
}

const kCarriedNotice = 'visitd.manage.notice';

function takeCarriedNotice(): string | null {
  const notice = sessionStorage.getItem(kCarriedNotice);
  if (notice !== null) sessionStorage.removeItem(kCarriedNotice);
  return notice;
}

export function LinkProblem({ error }: { error: unknown }) {
  // A link that no longer works still names whose appointment it was: the 410 carries the
  // clinic's public face (name, logo, contact), shown in the header and as a contact card.
  const face = error instanceof ApiError && error.status === 410 ? error.problem.business : undefined;
  const profile = useClinicBrand(face?.slug, face?.name);
  const contact = face ? <ContactCard profile={profile ?? { ...emptyProfile(face.name), contact: face.contact }} /> : null;
  // A link of a cancelled booking shows only that; a replaced link says to use the newer one.
  if (error instanceof ApiError && error.status === 410 && problemSlug(error) === 'booking-cancelled') {
    return (
      <main id="main" data-screen="cancelled">
        <PageTitle title={t.linkCancelledTitle}>{t.linkCancelledTitle}</PageTitle>
        <p>{t.linkCancelledText}</p>
        {contact}
      </main>
    );
  }
  if (error instanceof ApiError && error.status === 410 && problemSlug(error) === 'link-revoked') {
    return (
      <main id="main" data-screen="revoked">
        <PageTitle title={t.linkRevokedTitle}>{t.linkRevokedTitle}</PageTitle>
        <p>{t.linkRevokedText}</p>
        {contact}
      </main>
    );
  }
  if (error instanceof ApiError && error.status === 410) {
    return (
      <main id="main" data-screen="expired">
        <PageTitle title={t.linkExpiredTitle}>{t.linkExpiredTitle}</PageTitle>
        <p>{t.linkExpiredText}</p>
        {contact}
      </main>
    );
  }
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return (
      <main id="main" data-screen="unknown-link">
        <PageTitle title={t.linkUnknownTitle}>{t.linkUnknownTitle}</PageTitle>
        <p>{t.linkUnknownText}</p>
      </main>
    );
  }
  return (
    <main id="main">
      <PageTitle title={t.errorTitle}>{t.errorTitle}</PageTitle>
      <p>{errorText(error)}</p>
    </main>
  );
}

export function ManagePage({ token }: { token: string }) {
  const [view, setView] = useState<ManageView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/v1/manage/${enc(token)}`;
  const load = () =>
    api<ManageView>('GET', base)
      .then((v) => {
        setView(v);
        setError(null);
      })
      .catch(setError);
  useEffect(() => {
    load();
  }, [token]);

  // A 410 (cancelled, replaced, expired) wins over a view read before it.
  if (error && (!view || (error instanceof ApiError && error.status === 410))) return <LinkProblem error={error} />;
  if (!view) {
    return (
      <main id="main">
        <Loading />
      </main>
    );
  }
  return <ManageView view={view} base={base} token={token} reload={load} />;
}

function ManageView({
  view,
  base,
  token,
  reload,
}: {
  view: ManageView;
  base: string;
  token: string;
  reload: () => Promise<void>;
}) {
  const now = useMemo(() => Date.now(), []);
  const { booking, business, policy } = view;
  const profile = useClinicBrand(business.slug, business.name);
  // The picker says the zone was detected: so it is the viewer's, not the one booked in.
  const [zone, setZone] = useState(() => {
    const z = detectZone();
    return isValidZone(z) ? z : booking.consumer.timeZone;
  });
  const [mode, setMode] = useState<'view' | 'reschedule' | 'cancel'>('view');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A notice carried over from the link this page replaced (a reschedule moves to the new link).
  const [notice, setNotice] = useState<string | null>(() => takeCarriedNotice());
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);
  const [reloads, setReloads] = useState(0);

  const confirmed = booking.status === 'confirmed';
  const fetchSlots = (from: string, to: string, z: string) =>
    api<SlotsResponse>('GET', `${base}/slots${query({ from, to, timeZone: z })}`);

  const act = async (fn: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await fn();
      // A reschedule replaces the links (the old one now answers 410): continue on the new one.
      const next = (answer as { manageUrl?: string } | null)?.manageUrl;
      if (next) {
        sessionStorage.setItem(kCarriedNotice, message);
        navigate(appPath(next), true);
        return;
      }
      await reload();
      setMode('view');
      setSlot(null);
      setAlternatives(null);
      setNotice(message);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.problem.nearest) {
        setAlternatives(e.problem.nearest);
        setSlot(null);
        setReloads((n) => n + 1);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <PageTitle title={t.manageTitle}>{t.manageTitle}</PageTitle>
      {notice && <Alert kind="success">{notice}</Alert>}
      <section class="card" aria-labelledby="appt-h">
        <h2 id="appt-h">{business.name}</h2>
        <AppointmentSummary booking={booking} zone={zone} />
        {confirmed && <IcsButton token={token} />}
        {confirmed && view.joinUrl && (
          <p>
            {t.joinLinkText} <Link href={appPath(view.joinUrl)}>{t.joinLinkOpen}</Link>
          </p>
        )}
      </section>

      {confirmed && (
        <section class="card" aria-labelledby="policy-h">
          <h2 id="policy-h">{t.manageLinkTitle}</h2>
          <p>{t.cutoffRules(policy.cancelCutoffHours, policy.rescheduleCutoffHours)}</p>
          {policy.canReschedule && <p>{t.cutoffRescheduleUntil(formatDateTime(policy.rescheduleDeadline, zone, locale))}</p>}
          {policy.canCancel && <p>{t.cutoffCancelUntil(formatDateTime(policy.cancelDeadline, zone, locale))}</p>}
          {!policy.canCancel && !policy.canReschedule && <p>{t.cutoffPassed(business.name)}</p>}
          <ZonePicker zone={zone} onChange={setZone} now={now} />
          {mode === 'view' && (
            <div class="actions">
              {policy.canReschedule && (
                <button type="button" class="btn-primary" onClick={() => { setMode('reschedule'); setNotice(null); }}>
                  {t.reschedule}
                </button>
              )}
              {policy.canCancel && (
                <button type="button" class="btn-danger" onClick={() => { setMode('cancel'); setNotice(null); }}>
                  {t.cancelAppointment}
                </button>
              )}
            </div>
          )}
          <ErrorMessage error={error} />
          {mode === 'reschedule' && (
            <div class="subsection">
              <h3>{t.rescheduleTitle}</h3>
              <Calendar
                zone={zone}
                now={now}
                windowDays={kRescheduleBrowseDays}
                fetchSlots={fetchSlots}
                selected={slot}
                onSelect={(s) => { setSlot(s); setAlternatives(null); }}
                reloadKey={`manage-${reloads}`}
              />
              {alternatives && (
                <div class="alert alert-error" role="alert">
                  <p>{alternatives.length ? t.slotTaken : t.slotTakenNone}</p>
                  <ul class="alternatives">
                    {alternatives.map((a) => (
                      <li key={a.start}>
                        <button
                          type="button"
                          class="btn-secondary"
                          data-start={a.start}
                          disabled={busy}
                          onClick={() => {
                            setSlot(a);
                            act(() => api('POST', `${base}/reschedule`, { start: a.start }), t.rescheduled);
                          }}
                        >
                          {t.confirmNewTime(formatDateTime(a.start, zone, locale))}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <div class="actions">
                {slot && (
                  <button
                    type="button"
                    class="btn-primary"
                    disabled={busy}
                    onClick={() => act(() => api('POST', `${base}/reschedule`, { start: slot.start }), t.rescheduled)}
                  >
                    {t.confirmNewTime(formatDateTime(slot.start, zone, locale))}
                  </button>
                )}
                <button type="button" class="btn-secondary" onClick={() => setMode('view')}>
                  {t.cancel}
                </button>
              </div>
            </div>
          )}
          {mode === 'cancel' && (
            <div class="subsection">
              <h3>{t.cancelTitle}</h3>
              <Field label={t.cancelReason} hint={t.cancelReasonHint} required={false}>
                {({ id, describedBy }) => (
                  <textarea
                    id={id}
                    rows={3}
                    maxLength={1000}
                    aria-describedby={describedBy}
                    value={reason}
                    onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
                  />
                )}
              </Field>
              <div class="actions">
                <button
                  type="button"
                  class="btn-danger"
                  disabled={busy}
                  onClick={() => act(() => api('POST', `${base}/cancel`, { reason }), t.cancelled)}
                >
                  {t.confirmCancel}
                </button>
                <button type="button" class="btn-secondary" onClick={() => setMode('view')}>
                  {t.keepIt}
                </button>
              </div>
            </div>
          )}
        </section>
      )}
      {!confirmed && <p>{t.notChangeable}</p>}
      <ContactCard profile={profile} lead={t.contactHelp(business.name)} />
    </main>
  );
}
