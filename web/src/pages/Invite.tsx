// The invited person's page (/invite/{token}, issue H): what the invitation is for, then
// accepting it: with the existing account's password, or a name and a new password. On
// success the answer signs them in and the staff console opens.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, ApiError, enc, setCsrfToken } from '../lib/api';
import { navigate } from '../lib/router';
import type { InvitationPreview, Me } from '../lib/types';
import { Alert, ErrorMessage, Loading, PageTitle, TextField } from '../components/ui';

function refusalText(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 404) return t.invitationUnknown;
  if (err.status === 410) {
    const slug = (err.problem.type ?? '').split('/').pop() ?? '';
    return t.invitationGone[slug] ?? t.invitationUnknown;
  }
  return null;
}

export function InvitePage({ token }: { token: string }) {
  const path = `/api/v1/invitations/${enc(token)}`;
  const [seen, setSeen] = useState<InvitationPreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<InvitationPreview>('GET', path).then(setSeen).catch(setLoadError);
  }, [path]);

  const accept = async (e: Event) => {
    e.preventDefault();
    if (!seen) return;
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('POST', `${path}/accept`, seen.hasAccount ? { password } : { name: name.trim(), password });
      setCsrfToken(me.csrfToken ?? null);
      navigate('/staff/appointments', true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (loadError) {
    const text = refusalText(loadError);
    return (
      <main id="main" class="narrow">
        <PageTitle title={t.appName}>{t.appName}</PageTitle>
        {text ? <Alert>{text}</Alert> : <ErrorMessage error={loadError} />}
      </main>
    );
  }
  if (!seen) return <main id="main"><Loading /></main>;
  const fieldError = (f: string) => (error instanceof ApiError ? error.fieldError(f) : undefined);
  const wrong = error instanceof ApiError && error.status === 401;
  const refusal = refusalText(error);
  return (
    <main id="main" class="narrow">
      <PageTitle title={t.acceptTitle(seen.businessName)}>{t.acceptTitle(seen.businessName)}</PageTitle>
      <p>{t.acceptIntro(seen.email, (t.roles[seen.role] ?? seen.role).toLowerCase())}</p>
      <form onSubmit={accept} class="card">
        <p>{seen.hasAccount ? t.acceptHasAccount : t.acceptNewAccount}</p>
        {wrong && <Alert>{t.acceptWrongPassword}</Alert>}
        {refusal && <Alert>{refusal}</Alert>}
        {!!error && !wrong && !refusal && !fieldError('name') && !fieldError('password') && <ErrorMessage error={error} />}
        {!seen.hasAccount && <TextField label={t.acceptName} name="name" autoComplete="name" required value={name} onValue={setName} error={fieldError('name')} />}
        <TextField
          label={seen.hasAccount ? t.acceptPassword : t.acceptNewPassword}
          name="password"
          type="password"
          autoComplete={seen.hasAccount ? 'current-password' : 'new-password'}
          required
          value={password}
          onValue={setPassword}
          error={fieldError('password')}
        />
        <button type="submit" class="btn-primary" disabled={busy}>
          {t.acceptButton}
        </button>
      </form>
    </main>
  );
}
