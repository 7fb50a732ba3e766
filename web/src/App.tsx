// Top-level routes. Consumers: /b/{slug}, /manage/{token}, /join/{token}. Staff: /staff/*,
// and /invite/{token} (accepting a staff invitation).
import { t } from './i18n';
import { match, usePath } from './lib/router';
import { SiteHeader } from './components/SiteHeader';
import { enterConsumerPage, setBrand } from './lib/brand';
import { BookPage } from './pages/Book';
import { BookedPage } from './pages/Booked';
import { ManagePage } from './pages/Manage';
import { JoinPage } from './pages/Join';
import { HomePage, NotFoundPage } from './pages/Home';
import { StaffApp } from './staff/StaffApp';
import { InvitePage } from './pages/Invite'; // h-privacy: staff invitations

function route(path: string) {
  let m;
  if (/^\/(b|manage|join)\//.test(path)) enterConsumerPage();
  if ((m = match('/b/:slug', path))) return <BookPage key={m.slug} slug={m.slug} />;
  if ((m = match('/b/:slug/booked/:token', path))) return <BookedPage key={m.token} slug={m.slug} token={m.token} />;
  if ((m = match('/manage/:token', path))) return <ManagePage key={m.token} token={m.token} />;
  if ((m = match('/join/:token', path))) return <JoinPage token={m.token} />;
  setBrand({ kind: 'app' });
  if ((m = match('/invite/:token', path))) return <InvitePage key={m.token} token={m.token} />;
  if (path === '/staff' || path.startsWith('/staff/')) return <StaffApp path={path} />;
  if (path === '/') return <HomePage />;
  return <NotFoundPage />;
}

export function App() {
  const path = usePath();
  return (
    <>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <SiteHeader />
      <div class="container">{route(path)}</div>
    </>
  );
}
