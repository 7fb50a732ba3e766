// Everything under /staff: sign-in, then a shell with the sections the role allows.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { enc } from '../lib/api';
import type { Me } from '../lib/types';
import { match, navigate } from '../lib/router';
import { ErrorMessage, Link, Loading, PageTitle } from '../components/ui';
import { Appointments } from './Appointments';
import { AuditSection, HoursSection, MyHoursSection, ProvidersSection, SettingsSection, TeamSection } from './Console';
import { ServicesSection } from './Services';
import { ProfileSection } from './Profile';
import { InsightsSection } from './Insights';
import { WebhooksSection } from './Webhooks';
import { LoginPage } from './Login';
import { StaffRoom } from './StaffRoom';
import { isManager, loadMe, logout, type StaffContext } from './session';

interface Section {
  path: string;
  label: string;
  manager: boolean;
  view: (p: { ctx: StaffContext }) => preact.JSX.Element;
}

const sections: Section[] = [
  { path: '/staff/appointments', label: t.navAppointments, manager: false, view: Appointments },
  { path: '/staff/my-hours', label: t.navMyHours, manager: false, view: MyHoursSection },
  { path: '/staff/providers', label: t.navProviders, manager: true, view: ProvidersSection },
  { path: '/staff/services', label: t.navServices, manager: true, view: ServicesSection },
  { path: '/staff/hours', label: t.navHours, manager: true, view: HoursSection },
  { path: '/staff/team', label: t.navTeam, manager: true, view: TeamSection },
  { path: '/staff/profile', label: t.navProfile, manager: true, view: ProfileSection },
  { path: '/staff/settings', label: t.navSettings, manager: true, view: SettingsSection },
  { path: '/staff/audit', label: t.navAudit, manager: true, view: AuditSection },
  { path: '/staff/insights', label: t.navInsights, manager: true, view: InsightsSection },
  { path: '/staff/webhooks', label: t.navWebhooks, manager: true, view: WebhooksSection },
];

export function StaffApp({ path }: { path: string }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadMe().then(setMe).catch(setError);
  }, []);

  if (error) return <main id="main"><ErrorMessage error={error} /></main>;
  if (me === undefined) return <main id="main"><Loading /></main>;
  if (me === null || path === '/staff/login') {
    if (me && path === '/staff/login') {
      navigate('/staff/appointments', true);
      return null;
    }
    return (
      <LoginPage
        onLogin={(m) => {
          setMe(m);
          navigate('/staff/appointments', true);
        }}
      />
    );
  }
  const membership = me.memberships[0];
  if (!membership) {
    return (
      <main id="main">
        <PageTitle title={t.appName}>{t.appName}</PageTitle>
        <p>{t.noMembership}</p>
      </main>
    );
  }
  const room = match('/staff/rooms/:roomId', path);
  if (room) return <StaffRoom roomId={room.roomId} biz={`/api/v1/businesses/${enc(membership.businessId)}`} />;
  const ctx: StaffContext = { me, membership, biz: `/api/v1/businesses/${enc(membership.businessId)}` };
  const allowed = sections.filter((s) => !s.manager || isManager(membership));
  const section = allowed.find((s) => s.path === path);
  if (!section) {
    navigate(allowed[0].path, true);
    return null;
  }
  const View = section.view;
  return (
    <div class="staff">
      <nav aria-label={t.staffNav} class="staff-nav">
        <p class="staff-who">
          {membership.businessName} · {me.user.name} ({t.roles[membership.role]})
        </p>
        <ul>
          {allowed.map((s) => (
            <li key={s.path}>
              <Link href={s.path} class={s.path === path ? 'active' : undefined} current={s.path === path}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
        <button
          type="button"
          class="btn-link"
          onClick={async () => {
            await logout().catch(() => undefined);
            setMe(null);
            navigate('/staff/login', true);
          }}
        >
          {t.signOut}
        </button>
      </nav>
      <main id="main" class="staff-main">
        <View key={section.path} ctx={ctx} />
      </main>
    </div>
  );
}
