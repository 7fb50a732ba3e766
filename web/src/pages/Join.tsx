// The consumer's join link: what the appointment is and whether its room is open (too early
// shows the opening time in the viewer's zone and opens by itself; too late, ended or
// cancelled, denied get their own screens), then the device check, the lobby and the call.
import { useEffect, useState } from 'preact/hooks';
import { t, locale } from '../i18n';
import { detectZone, formatDateTime } from '../lib/tz';
import { api, ApiError, enc } from '../lib/api';
import type { JoinAnswer, RoomPreview } from '../call/protocol';
import { RoomEntry } from '../call/RoomEntry';
import { StopScreen } from '../call/RoomScreens';
import { Loading } from '../components/ui';
import { LinkProblem, problemSlug } from './Manage';
import { useClinicBrand } from '../lib/brand';
import type { RoomStop } from '../call/RoomScreens';

// setTimeout's limit; later openings are re-checked when the timer fires.
const kMaxTimerMs = 2 ** 31 - 1;

export function JoinPage({ token }: { token: string }) {
  const [preview, setPreview] = useState<RoomPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/v1/join/${enc(token)}`;
  // A link that no longer works (410) still carries the clinic's public face.
  const face = !preview && error instanceof ApiError && error.status === 410 ? error.problem.business : undefined;
  const profile = useClinicBrand(preview?.business.slug || face?.slug || undefined, preview?.business.name ?? face?.name);
  const load = () =>
    api<RoomPreview>('GET', base)
      .then((p) => {
        setPreview(p);
        setError(null);
      })
      .catch(setError);
  useEffect(() => {
    load();
  }, [token]);

  // Too early: look again when the room opens.
  useEffect(() => {
    if (preview?.status !== 'early') return;
    const wait = Math.min(kMaxTimerMs, Math.max(1000, Date.parse(preview.opensAt) - Date.now() + 1000));
    const timer = window.setTimeout(load, wait);
    return () => window.clearTimeout(timer);
  }, [preview]);

  // A join link stops working a little after the appointment: for the consumer it is over.
  if (error instanceof ApiError && error.status === 410 && problemSlug(error) === 'link-expired') {
    return (
      <StopScreen stop="closed">
        <p>{t.joinManageHint}</p>
      </StopScreen>
    );
  }
  if (error && !preview) return <LinkProblem error={error} />;
  if (!preview) {
    return (
      <main id="main">
        <Loading />
      </main>
    );
  }
  const zone = detectZone();
  const photoUrl = profile?.providers.find((p) => p.id === preview.booking.provider.id)?.photoUrl;
  const what = (
    <>
      <div class="provider-face">
        {photoUrl && <img class="provider-photo" src={photoUrl} alt={t.providerPhotoAlt(preview.booking.provider.name)} data-testid="provider-photo" />}
        <p class="room-what">{t.joinWith(preview.booking.service.name, preview.booking.provider.name, preview.business.name)}</p>
      </div>
      {preview.booking.movedFrom && preview.bookingStatus !== 'cancelled' && (
        <p class="alert alert-info" data-testid="moved">
          {t.movedNote(formatDateTime(preview.booking.movedFrom, zone, locale), formatDateTime(preview.booking.start, zone, locale))}
        </p>
      )}
    </>
  );
  if (preview.status !== 'open') {
    const stop: RoomStop =
      preview.bookingStatus === 'cancelled' ? 'cancelled' : preview.bookingStatus === 'completed' ? 'completed' : preview.status;
    return (
      <StopScreen stop={stop} opensAt={preview.opensAt}>
        {what}
        <p>{t.joinManageHint}</p>
      </StopScreen>
    );
  }
  return <RoomEntry storageKey={`visitd.join.${token}`} join={() => api<JoinAnswer>('POST', base)} intro={what} />;
}
