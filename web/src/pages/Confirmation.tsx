import { t } from '../i18n';
import type { BookingCreated, PublicBusiness } from '../lib/types';
import { AppointmentSummary, IcsButton } from '../components/AppointmentSummary';
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

export function Confirmation({ business, created, zone }: { business: PublicBusiness; created: BookingCreated; zone: string }) {
  const { booking, manageUrl, joinUrl } = created;
  return (
    <main id="main">
      <PageTitle title={t.confirmedTitle}>{t.confirmedTitle}</PageTitle>
      <p>{t.confirmedText(booking.consumer.email)}</p>
      <section class="card" aria-label={business.name}>
        <h2>{business.name}</h2>
        <AppointmentSummary booking={booking} zone={zone} />
        <IcsButton token={manageToken(manageUrl)} />
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
        <p>{t.joinLinkText}</p>
        <p class="break">
          <Link href={appPath(joinUrl)}>{t.joinLinkOpen}</Link>
        </p>
      </section>
    </main>
  );
}
