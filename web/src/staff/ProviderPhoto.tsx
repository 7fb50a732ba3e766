// A provider's photo for the booking page and the lobby (issue K): uploaded like the logo
// (PNG, JPEG or WebP up to 256 KB, checked by content on the server).
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, apiUpload, ApiError, enc } from '../lib/api';
import { Alert, Field } from '../components/ui';
import type { StaffContext } from './session';
import { problemFieldText } from './problem_fields';

const kMaxPhotoBytes = 256 * 1024;
const kPhotoTypes = ['image/png', 'image/jpeg', 'image/webp'];

export function ProviderPhotoForm({ ctx, providerId, name, photoUrl, onSaved }: { ctx: StaffContext; providerId: string; name: string; photoUrl?: string | null; onSaved: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (problem) fileRef.current?.focus();
  }, [problem]);
  const path = `${ctx.biz}/providers/${enc(providerId)}/photo`;
  const upload = async () => {
    setMessage(null);
    setProblem(null);
    const file = fileRef.current?.files?.[0];
    if (!file || !kPhotoTypes.includes(file.type)) return setProblem(t.photoWrongType);
    if (file.size > kMaxPhotoBytes) return setProblem(t.photoTooLarge);
    setBusy(true);
    try {
      await apiUpload('PUT', path, file, file.type);
      setMessage(t.photoSaved);
      onSaved();
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setProblem(status === 413 ? t.photoTooLarge : status === 415 ? t.photoWrongType : (problemFieldText(err, 'photo') ?? String((err as Error).message)));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await api('DELETE', path);
      setMessage(t.photoRemoved);
      onSaved();
    } catch (err) {
      setProblem(String((err as Error).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="photo-form" role="group" aria-label={t.photoTitle(name)}>
      {photoUrl ? <img class="provider-photo" src={photoUrl} alt={t.photoCurrent(name)} data-testid="photo-preview" /> : <p class="muted">{t.photoNone}</p>}
      <Field label={t.photoChoose(name)} hint={t.logoHint} error={problem ?? undefined} required={false}>
        {({ id, describedBy, invalid }) => <input id={id} ref={fileRef} type="file" accept={kPhotoTypes.join(',')} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
      </Field>
      {message && <Alert kind="success">{message}</Alert>}
      <div class="actions">
        <button type="button" class="btn-secondary" disabled={busy} onClick={upload}>
          {t.photoUpload(name)}
        </button>
        {photoUrl && (
          <button type="button" class="btn-secondary" disabled={busy} onClick={remove}>
            {t.photoRemove(name)}
          </button>
        )}
      </div>
    </div>
  );
}
