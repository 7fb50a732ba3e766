// The confirmation: what was booked, in the consumer's zone, the private links, add to
// calendar (the .ics download and web calendars), the policy and the clinic's contact.
import { t } from '../i18n';
import type { Booking } from '../lib/types';
import type { Profile } from '../lib/brand';
import { googleCalendarUrl, office365Url, outlookComUrl, type CalendarEvent } from '../lib/calendar_links';
import { AppointmentSummary, IcsButton } from '../components/AppointmentSummary';
import { ContactCard, PolicyCard } from '../components/ClinicInfo';
import { Link, PageTitle } from '../components/ui';

/** Links are shown as same-origin paths so they open in this app. */
export function appPath(url: string): string {
  try {
    const u = new URL(url, location.origin);
    return u.pathname;
  } catch {
    return url;
  }
}

/** The capability token: the manage link's last path segment. */
export function manageToken(manageUrl: string): string {
  const path = appPath(manageUrl);
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

export interface ConfirmationProps {
  businessName: string;
  slug: string;
  booking: Booking;
  manageUrl: string;
  joinUrl?: string;
  zone: string;
  profile: Profile | null;
  policy: { cancelCutoffHours: number; rescheduleCutoffHours: number };
  now: number;
}

export function Confirmation({ businessName, slug, booking, manageUrl, joinUrl, zone, profile, policy, now }: ConfirmationProps) {
  const title = t.icsSummary(booking.service?.name ?? '', businessName);
  const event: CalendarEvent = {
    title,
    start: booking.start,
    end: booking.end,
    details: [joinUrl ? `${t.joinLinkText} ${joinUrl}` : '', t.calendarDetails(manageUrl)].filter(Boolean).join('\n'),
    location: joinUrl ?? '',
  };
  return (
    <main id="main" data-screen="booked">
      <PageTitle title={t.confirmedTitle}>{t.confirmedTitle}</PageTitle>
      <p>{t.confirmedText(booking.consumer.email)}</p>
      <section class="card" aria-label={businessName}>
        <h2>{businessName}</h2>
        <AppointmentSummary booking={booking} zone={zone} />
        <IcsButton token={manageToken(manageUrl)} />
        <ul class="calendar-links">
          <li>
            <a href={googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer" data-testid="google-calendar">
              {t.addToGoogle} <span class="visually-hidden">{t.opensNewTab}</span>
            </a>
          </li>
          <li>
            <a href={outlookComUrl(event)} target="_blank" rel="noopener noreferrer" data-testid="outlook-calendar">
              {t.addToOutlook} <span class="visually-hidden">{t.opensNewTab}</span>
            </a>
          </li>
          <li>
            <a href={office365Url(event)} target="_blank" rel="noopener noreferrer">
              {t.addToOffice} <span class="visually-hidden">{t.opensNewTab}</span>
            </a>
          </li>
        </ul>
      </section>
      <section class="card" aria-labelledby="manage-h">
        <h2 id="manage-h">{t.manageLinkTitle}</h2>
        <p>{t.manageLinkText}</p>
        <p class="link-box">
          <Link href={appPath(manageUrl)} class="manage-link">
            {t.manageLinkOpen}
          </Link>
        </p>
        <p class="break">
          <code data-testid="manage-url">{manageUrl}</code>
        </p>
        {joinUrl && (
          <>
            <p>{t.joinLinkText}</p>
            <p class="break">
              <Link href={appPath(joinUrl)}>{t.joinLinkOpen}</Link>
            </p>
          </>
        )}
      </section>
      <PolicyCard facts={policy} zone={zone} now={now} title={t.policyAfterTitle} />
      <ContactCard profile={profile} lead={t.contactHelp(businessName)} />
      {slug && (
        <p>
          <Link href={`/b/${encodeURIComponent(slug)}`}>{t.bookAnother}</Link>
        </p>
      )}
    </main>
  );
}
