import { t } from '../i18n';
import { Link, PageTitle } from '../components/ui';

export function HomePage() {
  return (
    <main id="main">
      <PageTitle title={t.homeTitle}>{t.homeTitle}</PageTitle>
      <p>{t.homeIntro}</p>
      <p>
        {t.homeBookHint} <Link href="/b/northwind">/b/northwind</Link>
      </p>
      <p>
        <Link href="/staff/login" class="btn-primary">
          {t.homeStaff}
        </Link>
      </p>
    </main>
  );
}

export function NotFoundPage() {
  return (
    <main id="main">
      <PageTitle title={t.notFoundTitle}>{t.notFoundTitle}</PageTitle>
      <p>{t.notFoundText}</p>
      <p>
        <Link href="/">{t.homeTitle}</Link>
      </p>
    </main>
  );
}
