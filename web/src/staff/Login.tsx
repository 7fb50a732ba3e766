import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { ApiError } from '../lib/api';
import type { Me } from '../lib/types';
import { Alert, PageTitle, TextField, errorText } from '../components/ui';
import { login } from './session';

export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await login(email.trim(), password));
    } catch (err) {
      setError(err instanceof ApiError && (err.status === 401 || err.status === 400) ? t.badLogin : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="narrow">
      <PageTitle title={t.staffLoginTitle}>{t.staffLoginTitle}</PageTitle>
      <form onSubmit={submit} class="card">
        {error && <Alert>{error}</Alert>}
        <TextField label={t.emailLabel} name="email" type="email" autoComplete="username" required value={email} onValue={setEmail} />
        <TextField
          label={t.passwordLabel}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <button type="submit" class="btn-primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  );
}
