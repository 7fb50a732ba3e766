// The header: the clinic's logo and name on consumer pages (never the server's own name),
// the app's name on staff pages.
import { t } from '../i18n';
import { useBrand } from '../lib/brand';
import { Link } from './ui';

export function SiteHeader() {
  const brand = useBrand();
  if (brand.kind === 'pending') return <header class="site-header" />;
  if (brand.kind === 'clinic') {
    const { profile, slug } = brand;
    const inner = (
      <>
        {profile.logoUrl && <img class="brand-logo" src={profile.logoUrl} alt={t.logoAlt(profile.name)} />}
        <span>{profile.name}</span>
      </>
    );
    return (
      <header class="site-header">
        {slug ? (
          <Link href={`/b/${encodeURIComponent(slug)}`} class="brand">
            {inner}
          </Link>
        ) : (
          <span class="brand">{inner}</span>
        )}
      </header>
    );
  }
  return (
    <header class="site-header">
      <Link href="/" class="brand">
        {t.appName}
      </Link>
    </header>
  );
}
