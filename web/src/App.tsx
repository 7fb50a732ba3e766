// Top-level routes. Consumers: /b/{slug}, /manage/{token}, /join/{token}. Staff: /staff/*.
import { t } from './i18n';
import { match, usePath } from './lib/router';
import { Link } from './components/ui';
import { BookPage } from './pages/Book';
import { ManagePage } from './pages/Manage';
import { JoinPage } from './pages/Join';
import { HomePage, NotFoundPage } from './pages/Home';
import { StaffApp } from './staff/StaffApp';

function route(path: string) {
  let m;
  if ((m = match('/b/:slug', path))) return <BookPage key={m.slug} slug={m.slug} />;
  if ((m = match('/manage/:token', path))) return <ManagePage key={m.token} token={m.token} />;
  if ((m = match('/join/:token', path))) return <JoinPage token={m.token} />;
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
      <header class="site-header">
        <Link href="/" class="brand">
          {t.appName}
        </Link>
      </header>
      <div class="container">{route(path)}</div>
    </>
  );
}
