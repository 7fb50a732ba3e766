// The clinic's contact and the booking policy, in the consumer's words and zone: shown
// before booking, on the confirmation and on the manage page.
import { t, locale, duration } from '../i18n';
import { hasContact, type Profile } from '../lib/brand';
import { addDays, formatDate, todayInZone } from '../lib/tz';

export function ContactCard({ profile, lead }: { profile: Profile | null; lead?: string }) {
  if (!profile || !hasContact(profile)) return null;
  const { phone, email, address } = profile.contact;
  return (
    <section class="card" aria-labelledby="contact-h" data-testid="clinic-contact">
      <h2 id="contact-h">{t.contactTitle}</h2>
      {lead && <p>{lead}</p>}
      <dl class="contact-list">
        {phone && (
          <>
            <dt>{t.contactPhone}</dt>
            <dd>
              <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
            </dd>
          </>
        )}
        {email && (
          <>
            <dt>{t.contactEmail}</dt>
            <dd>
              <a href={`mailto:${email}`}>{email}</a>
            </dd>
          </>
        )}
        {address && (
          <>
            <dt>{t.contactAddress}</dt>
            <dd>{address}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

export interface PolicyFacts {
  minNoticeMinutes?: number;
  bookingWindowDays?: number;
  cancelCutoffHours: number;
  rescheduleCutoffHours: number;
}

/** The rules as sentences: notice, how far ahead (with the last day in the viewer's zone), changes. */
export function policySentences(p: PolicyFacts, zone: string, now: number): string[] {
  const out: string[] = [];
  if (p.minNoticeMinutes && p.minNoticeMinutes > 0) out.push(t.policyNotice(duration(p.minNoticeMinutes)));
  if (p.bookingWindowDays && p.bookingWindowDays > 0) {
    const last = formatDate(addDays(todayInZone(zone, now), p.bookingWindowDays), locale);
    out.push(t.policyWindow(duration(p.bookingWindowDays * 1440), last));
  }
  if (p.cancelCutoffHours > 0 || p.rescheduleCutoffHours > 0) {
    out.push(t.policyChanges(duration(p.cancelCutoffHours * 60), duration(p.rescheduleCutoffHours * 60)));
  } else {
    out.push(t.policyAnyTime);
  }
  return out;
}

export function PolicyCard({ facts, zone, now, title = t.policyTitle }: { facts: PolicyFacts; zone: string; now: number; title?: string }) {
  return (
    <section class="card" aria-labelledby="policy-before-h" data-testid="policy">
      <h2 id="policy-before-h">{title}</h2>
      <ul class="policy-list">
        {policySentences(facts, zone, now).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </section>
  );
}
