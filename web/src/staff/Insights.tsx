// The manager's insights: what a period of appointments looked like, as the server counted it
// in the clinic's zone (GET .../insights). Key figures first, then charts (Chart.js, loaded on
// demand) each with its numbers in a table beneath, and the same numbers as a CSV download.
import { useEffect, useRef, useState } from 'preact/hooks';
import { locale, t } from '../i18n';
import { api, query } from '../lib/api';
import type { Insights, Page, Provider, Service } from '../lib/types';
import { formatDate } from '../lib/tz';
import { ErrorMessage, Field, Loading, PageTitle } from '../components/ui';
import type { BarOptions, BarSeries } from './insight_charts';
import { problemFieldText } from './problem_fields';
import type { StaffContext } from './session';
import { useLoad } from './useLoad';

interface Filter {
  from: string; // YYYY-MM-DD in the clinic's zone, or '' for the server's default
  to: string;
  providerId: string;
  serviceId: string;
}

const percent = (share: number | null | undefined) =>
  share === null || share === undefined
    ? t.insightsNone
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);

function leadText(minutes: number | null): string {
  if (minutes === null) return t.insightsNone;
  const [value, unit] = minutes >= 1440 ? [minutes / 1440, 'day'] : minutes >= 60 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

/** A chart and, beneath it, the same numbers as a table (the chart's text alternative). */
function BarChart({ title, testId, labels, series, opts, table }: {
  title: string;
  testId: string;
  labels: string[];
  series: BarSeries[];
  opts?: BarOptions;
  table: preact.JSX.Element;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let live = true;
    import('./insight_charts').then(({ drawBars }) => {
      if (!live || !canvas.current) return;
      chart = drawBars(canvas.current, labels, series, opts);
      setDrawn(true);
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [JSON.stringify(labels), JSON.stringify(series), JSON.stringify(opts)]);
  // Chart.js fills its box; the box's height is set through the CSSOM (the CSP allows no
  // inline style attribute): a horizontal chart grows with its rows.
  const heightRem = opts?.horizontal ? Math.max(8, labels.length * 2.5 + 4) : 16;
  useEffect(() => {
    if (box.current) box.current.style.height = `${heightRem}rem`;
  }, [heightRem]);
  return (
    <section class="insight-chart" aria-labelledby={`${testId}-title`} data-testid={testId} data-drawn={drawn ? 'true' : undefined}>
      <h2 id={`${testId}-title`}>{title}</h2>
      <div class="chart-box" ref={box}>
        <canvas ref={canvas} role="img" aria-label={t.insightsChartOf(title)} />
      </div>
      <details>
        <summary>{t.insightsShowNumbers}</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={title}>
          {table}
        </div>
      </details>
    </section>
  );
}

const statusKeys = ['confirmed', 'completed', 'noShow', 'cancelled'] as const;
const statusColors: Record<(typeof statusKeys)[number], string> = {
  confirmed: '--primary',
  completed: '--success',
  noShow: '--focus',
  cancelled: '--danger',
};

function CountsTable({ rows, firstCol }: { rows: { label: string; counts: Insights['totals'] }[]; firstCol: string }) {
  return (
    <table class="data">
      <thead>
        <tr>
          <th scope="col">{firstCol}</th>
          <th scope="col">{t.insightsTotal}</th>
          {statusKeys.map((k) => (
            <th scope="col" key={k}>
              {t.insightsStatus[k]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.counts.bookings}</td>
            {statusKeys.map((k) => (
              <td key={k}>{r.counts[k]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function statusSeries(counts: Insights['totals'][]): BarSeries[] {
  return statusKeys.map((k) => ({ label: t.insightsStatus[k], values: counts.map((c) => c[k]), color: statusColors[k] }));
}

function Report({ data }: { data: Insights }) {
  const shortDate = (d: string) => formatDate(d, locale, 'short');
  const reminderOutcomes = ['sent', 'delivered', 'failed', 'pending', 'skipped'] as const;
  const channels = ['email', 'sms'] as const;
  return (
    <>
      <p class="muted" data-testid="insights-period">
        {t.insightsPeriod(formatDate(data.from, locale), formatDate(data.to, locale))} · {t.insightsIntro(data.timeZone)}
      </p>
      <dl class="key-figures">
        <div>
          <dt>{t.insightsBookings}</dt>
          <dd data-testid="fig-bookings">{data.totals.bookings}</dd>
        </div>
        <div>
          <dt>{t.insightsCancellationRate}</dt>
          <dd data-testid="fig-cancellation">{percent(data.rates.cancellation)}</dd>
        </div>
        <div>
          <dt>{t.insightsNoShowRate}</dt>
          <dd data-testid="fig-no-show">{percent(data.rates.noShow)}</dd>
          <dd class="muted">{t.insightsNoShowOf(data.rates.pastAppointments)}</dd>
        </div>
        <div>
          <dt>{t.insightsMedianLead}</dt>
          <dd data-testid="fig-lead">{leadText(data.leadTime.medianMinutes)}</dd>
          <dd class="muted">{t.insightsMedianLeadHint}</dd>
        </div>
        <div>
          <dt>{t.insightsReminderDelivery}</dt>
          <dd data-testid="fig-reminders-sent">{percent(data.reminders.all.deliveryRate)}</dd>
        </div>
        <div>
          <dt>{t.insightsReminderFailure}</dt>
          <dd data-testid="fig-reminders-failed">{percent(data.reminders.all.failureRate)}</dd>
        </div>
      </dl>
      <BarChart
        title={t.insightsPerDay}
        testId="chart-days"
        labels={data.days.map((d) => shortDate(d.date))}
        series={statusSeries(data.days)}
        opts={{ stacked: true }}
        table={<CountsTable firstCol={t.insightsDate} rows={data.days.map((d) => ({ label: formatDate(d.date, locale), counts: d }))} />}
      />
      <BarChart
        title={t.insightsPerWeek}
        testId="chart-weeks"
        labels={data.weeks.map((w) => t.insightsWeekOf(shortDate(w.weekStart)))}
        series={statusSeries(data.weeks)}
        opts={{ stacked: true }}
        table={<CountsTable firstCol={t.insightsWeek} rows={data.weeks.map((w) => ({ label: t.insightsWeekOf(formatDate(w.weekStart, locale)), counts: w }))} />}
      />
      {data.providers.length === 0 ? (
        <p>{t.insightsNoProviders}</p>
      ) : (
        <BarChart
          title={t.insightsUtilisation}
          testId="chart-utilisation"
          labels={data.providers.map((p) => p.name)}
          series={[{ label: t.insightsUtilisationCol, values: data.providers.map((p) => p.utilisation ?? 0), color: '--primary' }]}
          opts={{ horizontal: true, percent: true }}
          table={
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t.insightsProviderCol}</th>
                  <th scope="col">{t.insightsAvailable}</th>
                  <th scope="col">{t.insightsBooked}</th>
                  <th scope="col">{t.insightsUtilisationCol}</th>
                </tr>
              </thead>
              <tbody>
                {data.providers.map((p) => (
                  <tr key={p.providerId} data-provider={p.providerId}>
                    <th scope="row">{p.name}</th>
                    <td>{t.insightsHours(p.availableMinutes)}</td>
                    <td>{t.insightsHours(p.bookedMinutes)}</td>
                    <td data-testid="utilisation">{percent(p.utilisation)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      <BarChart
        title={t.insightsLeadTime}
        testId="chart-lead"
        labels={data.leadTime.buckets.map((b) => t.insightsBucket[b.bucket])}
        series={[{ label: t.insightsCount, values: data.leadTime.buckets.map((b) => b.count), color: '--primary' }]}
        table={
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t.insightsBucketCol}</th>
                <th scope="col">{t.insightsCount}</th>
              </tr>
            </thead>
            <tbody>
              {data.leadTime.buckets.map((b) => (
                <tr key={b.bucket}>
                  <th scope="row">{t.insightsBucket[b.bucket]}</th>
                  <td>{b.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <BarChart
        title={t.insightsReminders}
        testId="chart-reminders"
        labels={reminderOutcomes.map((o) => t.insightsOutcome[o])}
        series={channels.map((c, i) => ({
          label: t.insightsChannels[c],
          values: reminderOutcomes.map((o) => data.reminders[c][o]),
          color: i === 0 ? '--primary' : '--success',
        }))}
        opts={{ stacked: true }}
        table={
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t.insightsChannel}</th>
                {reminderOutcomes.map((o) => (
                  <th scope="col" key={o}>
                    {t.insightsOutcome[o]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c}>
                  <th scope="row">{t.insightsChannels[c]}</th>
                  {reminderOutcomes.map((o) => (
                    <td key={o}>{data.reminders[c][o]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}

export function InsightsSection({ ctx }: { ctx: StaffContext }) {
  const [draft, setDraft] = useState<Filter>({ from: '', to: '', providerId: '', serviceId: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const providers = useLoad(() => api<Page<Provider>>('GET', `${ctx.biz}/providers`), [ctx.biz]);
  const services = useLoad(() => api<Page<Service>>('GET', `${ctx.biz}/services`), [ctx.biz]);
  const params = query({
    from: filter.from || undefined,
    to: filter.to || undefined,
    providerId: filter.providerId || undefined,
    serviceId: filter.serviceId || undefined,
  });
  const report = useLoad(() => api<Insights>('GET', `${ctx.biz}/insights${params}`), [ctx.biz, params]);
  const formRef = useRef<HTMLFormElement>(null);
  // The form shows the period the server counted (its defaults included).
  useEffect(() => {
    const d = report.data;
    if (d && !draft.from && !draft.to) setDraft({ ...draft, from: d.from, to: d.to });
  }, [report.data]);
  // After a refused filter, focus goes to the first field the server named.
  useEffect(() => {
    if (report.error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [report.error]);
  const fieldError = (f: string) => problemFieldText(report.error, f);
  const setField = (k: keyof Filter) => (e: Event) => setDraft({ ...draft, [k]: (e.target as HTMLInputElement).value });
  return (
    <>
      <PageTitle title={t.insightsTitle}>{t.insightsTitle}</PageTitle>
      <form
        ref={formRef}
        class="filters"
        aria-label={t.insightsFilters}
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(draft);
        }}
      >
        <Field label={t.insightsFrom} error={fieldError('from')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={draft.from} max={draft.to || undefined} aria-describedby={describedBy} aria-invalid={invalid || undefined} onInput={setField('from')} />
          )}
        </Field>
        <Field label={t.insightsTo} error={fieldError('to')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={draft.to} min={draft.from || undefined} aria-describedby={describedBy} aria-invalid={invalid || undefined} onInput={setField('to')} />
          )}
        </Field>
        <Field label={t.insightsProvider} error={fieldError('providerId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={draft.providerId} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={setField('providerId')}>
              <option value="">{t.insightsEveryone}</option>
              {(providers.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.insightsService} error={fieldError('serviceId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={draft.serviceId} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={setField('serviceId')}>
              <option value="">{t.insightsEveryService}</option>
              {(services.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="btn-secondary">
            {t.insightsApply}
          </button>
          <a class="btn-link" href={`${ctx.biz}/insights.csv${params}`} download data-testid="insights-csv">
            {t.insightsCsv}
          </a>
        </div>
      </form>
      <ErrorMessage error={report.error} />
      {!report.data && !report.error && <Loading />}
      {report.data && <Report data={report.data} />}
    </>
  );
}
