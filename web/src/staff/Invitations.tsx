// Adding a person to the team is inviting their address (issue H): the form, and the
// invitations not yet accepted with their expiry, to send again or withdraw.
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, enc } from '../lib/api';
import type { Invitation, Page, Role } from '../lib/types';
import { formatDateTime } from '../lib/tz';
import { Alert, ErrorMessage, Field, Loading, TextField } from '../components/ui';
import type { StaffContext } from './session';
import { useLoad } from './useLoad';
import { focusFirstProblem, namesFields, problemFieldText } from './problem_fields';

export function InvitationsCard({ ctx, zone }: { ctx: StaffContext; zone: string }) {
  const list = useLoad(() => api<Page<Invitation>>('GET', `${ctx.biz}/invitations`), [ctx.biz]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('provider');
  const [inviteError, setInviteError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const invite = async (e: Event) => {
    e.preventDefault();
    setInviteError(null);
    setNotice(null);
    try {
      const sent = await api<Invitation>('POST', `${ctx.biz}/staff`, { email: email.trim(), role });
      setEmail('');
      setNotice(t.inviteSent(sent.email));
      list.reload();
    } catch (err) {
      setInviteError(err);
      focusFirstProblem(formRef.current);
    }
  };
  const resend = async (i: Invitation) => {
    setError(null);
    setNotice(null);
    try {
      await api('POST', `${ctx.biz}/invitations/${enc(i.id)}/resend`);
      setNotice(t.invitationResent(i.email));
    } catch (err) {
      setError(err);
    }
    list.reload();
  };
  const revoke = async (i: Invitation) => {
    if (!confirm(t.invitationConfirmRevoke(i.email))) return;
    setError(null);
    setNotice(null);
    try {
      await api('DELETE', `${ctx.biz}/invitations/${enc(i.id)}`);
    } catch (err) {
      setError(err);
    }
    list.reload();
  };

  return (
    <>
      <form onSubmit={invite} class="card" ref={formRef} aria-label={t.inviteTitle}>
        <h2>{t.inviteTitle}</h2>
        <p>{t.inviteIntro}</p>
        <TextField label={t.memberEmail} type="email" required value={email} onValue={setEmail} error={problemFieldText(inviteError, 'email')} />
        <Field label={t.memberRole} error={problemFieldText(inviteError, 'role')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={role} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => setRole((e.target as HTMLSelectElement).value as Role)}>
              {Object.entries(t.roles).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!!inviteError && !namesFields(inviteError, (f) => ['email', 'role'].includes(f)) && <ErrorMessage error={inviteError} />}
        <button type="submit" class="btn-primary">
          {t.inviteSend}
        </button>
      </form>
      <section class="card" aria-label={t.invitationsTitle}>
        <h2>{t.invitationsTitle}</h2>
        {notice && <Alert kind="success">{notice}</Alert>}
        <ErrorMessage error={list.error ?? error} />
        {!list.data && !list.error && <Loading />}
        {list.data && list.data.items.length === 0 && <p>{t.invitationsNone}</p>}
        {list.data && list.data.items.length > 0 && (
          <div class="table-scroll" tabIndex={0} role="region" aria-label={t.invitationsTitle}>
            <table class="data">
              <caption class="visually-hidden">{t.invitationsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.memberEmail}</th>
                  <th scope="col">{t.memberRole}</th>
                  <th scope="col">{t.invitationExpires}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t.resendShort}</span>
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">{t.revokeShort}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((i) => (
                  <tr key={i.id}>
                    <th scope="row" class="break">
                      {i.email}
                    </th>
                    <td>{t.roles[i.role] ?? i.role}</td>
                    <td>
                      {formatDateTime(i.expiresAt, zone)}
                      {i.status !== 'pending' && ` (${t.invitationStatus[i.status] ?? i.status})`}
                    </td>
                    <td>
                      <button type="button" class="btn-link" onClick={() => resend(i)} aria-label={t.invitationResend(i.email)}>
                        {t.resendShort}
                      </button>
                    </td>
                    <td>
                      <button type="button" class="btn-link" onClick={() => revoke(i)} aria-label={t.invitationRevoke(i.email)}>
                        {t.revokeShort}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
