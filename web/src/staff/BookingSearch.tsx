// Search the appointments (k-polish): by the client's name, email or phone or the reason they
// gave, past and future, any status the filter allows; pages of 25 with the total always said,
// so nothing is cut off silently. Plain form and buttons: operable by keyboard.
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { api, query } from '../lib/api';
import type { Page, StaffBooking } from '../lib/types';
import { ErrorMessage, Loading } from '../components/ui';
import type { StaffContext } from './session';
import { useLoad } from './useLoad';
import { BookingList, type ListProps } from './Appointments';
import { problemFieldText } from './problem_fields';

const kSearchPage = 25;

export function BookingSearchForm({ onSearch }: { onSearch: (q: string) => void }) {
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      class="booking-search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <label for="booking-search">{t.searchLabel}</label>
      <p class="hint" id="booking-search-hint">
        {t.searchHint}
      </p>
      <div class="search-row">
        <input id="booking-search" type="search" maxLength={100} aria-describedby="booking-search-hint" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit" class="btn-secondary">
          {t.searchButton}
        </button>
        {text && (
          <button
            type="button"
            class="btn-link"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          >
            {t.searchClear}
          </button>
        )}
      </div>
    </form>
  );
}

export function BookingSearchResults({ q, ctx, providerId, status, ...rest }: Omit<ListProps, 'items' | 'ctx' | 'onChange'> & { q: string; ctx: StaffContext; providerId: string; status: string }) {
  const [offset, setOffset] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const page = useLoad(
    () => api<Page<StaffBooking>>('GET', `${ctx.biz}/bookings${query({ q, providerId, status, limit: kSearchPage, offset })}`),
    [ctx.biz, q, providerId, status, offset],
  );
  const go = (to: number) => {
    setOffset(to);
    headingRef.current?.focus();
  };
  const total = page.data?.total ?? 0;
  const shown = page.data?.items.length ?? 0;
  return (
    <section aria-labelledby="search-h" data-testid="search-results">
      <h2 id="search-h" tabIndex={-1} ref={headingRef}>
        {t.searchResultsTitle(q)}
      </h2>
      {page.error != null &&
        (problemFieldText(page.error, 'q') ? <p class="alert alert-error">{problemFieldText(page.error, 'q')}</p> : <ErrorMessage error={page.error} />)}
      {!page.data && !page.error && <Loading />}
      {page.data && (
        <>
          <p class="muted" role="status" data-testid="search-count">
            {t.searchCount(total === 0 ? 0 : offset + 1, offset + shown, total)}
          </p>
          <BookingList items={page.data.items} ctx={ctx} onChange={page.reload} {...rest} />
          {total > kSearchPage && (
            <nav class="actions" aria-label={t.searchPages}>
              <button type="button" class="btn-secondary" disabled={offset === 0} onClick={() => go(Math.max(0, offset - kSearchPage))}>
                {t.searchPrevious}
              </button>
              <button type="button" class="btn-secondary" disabled={offset + shown >= total} onClick={() => go(offset + kSearchPage)}>
                {t.searchNext}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
