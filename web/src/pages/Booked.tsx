// /b/{slug}/booked/{manageToken}: the confirmation at an address of its own, so a reload
// or a bookmark shows it again. Everything comes from GET /api/v1/manage/{token}.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, enc } from '../lib/api';
import { useClinicBrand } from '../lib/brand';
import type { ManageView } from '../lib/types';
import { detectZone, isValidZone } from '../lib/tz';
import { Loading } from '../components/ui';
import { Confirmation } from './Confirmation';
import { LinkProblem } from './Manage';

export function BookedPage({ slug, token }: { slug: string; token: string }) {
  const now = useMemo(() => Date.now(), []);
  const [view, setView] = useState<ManageView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const profile = useClinicBrand(view ? view.business.slug : slug, view?.business.name);
  useEffect(() => {
    api<ManageView>('GET', `/api/v1/manage/${enc(token)}`).then(setView).catch(setError);
  }, [token]);
  if (error && !view) return <LinkProblem error={error} />;
  if (!view) {
    return (
      <main id="main">
        <Loading />
      </main>
    );
  }
  const z = view.booking.consumer.timeZone;
  return (
    <Confirmation
      businessName={view.business.name}
      slug={view.business.slug}
      booking={view.booking}
      manageUrl={`${location.origin}/manage/${token}`}
      joinUrl={view.joinUrl}
      zone={z && isValidZone(z) ? z : detectZone()}
      profile={profile}
      policy={view.policy}
      now={now}
    />
  );
}
