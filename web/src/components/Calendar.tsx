// Month calendar of free days, then the free times of the chosen day, all in the viewer's
// zone. The server groups slots by date in that zone; this component only lays them out.
// Used for booking, rescheduling by the manage link, and staff rescheduling.
import { useEffect, useState } from 'preact/hooks';
import { t, locale, duration } from '../i18n';
import type { Slot, SlotsResponse } from '../lib/api';
import {
  addDays,
  addMonths,
  bookableRange,
  compareMonths,
  formatDate,
  formatMonth,
  formatTime,
  monthGrid,
  monthOf,
  todayInZone,
  weekdayNames,
  type Month,
  type Ymd,
} from '../lib/tz';
import { ErrorMessage, Loading } from './ui';

export interface CalendarProps {
  zone: string;
  now: number;
  windowDays: number;
  fetchSlots: (from: Ymd, to: Ymd, zone: string) => Promise<SlotsResponse>;
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  /** Changes whenever the fetch inputs change (service, provider), to reload. */
  reloadKey: string;
}

export function Calendar({ zone, now, windowDays, fetchSlots, selected, onSelect, reloadKey }: CalendarProps) {
  const today = todayInZone(zone, now);
  const [month, setMonth] = useState<Month>(monthOf(today));
  const [days, setDays] = useState<Map<Ymd, Slot[]> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [day, setDay] = useState<Ymd | null>(null);
  const [searching, setSearching] = useState(false);
  const [noneLeft, setNoneLeft] = useState(false);

  const firstMonth = monthOf(today);
  const range = bookableRange(month, today, windowDays);
  const lastDay = addDays(today, Math.max(0, windowDays));
  const lastMonth = monthOf(lastDay);
  const lastDayText = formatDate(lastDay, locale);

  // An empty month: look ahead month by month, within the booking window, for a free day.
  const jumpToNextFree = async () => {
    setSearching(true);
    setNoneLeft(false);
    try {
      for (let m = addMonths(month, 1); compareMonths(m, lastMonth) <= 0; m = addMonths(m, 1)) {
        const r = bookableRange(m, today, windowDays);
        if (!r) continue;
        const answer = await fetchSlots(r.from, r.to, zone);
        const first = answer.days.find((d) => d.slots.length > 0);
        if (first) {
          setDay(first.date);
          setMonth(m);
          return;
        }
      }
      setNoneLeft(true);
    } catch (e) {
      setError(e);
    } finally {
      setSearching(false);
    }
  };

  // Arrow keys move between free days (left/right: previous/next, up/down: a week).
  const onGridKey = (e: KeyboardEvent) => {
    const from = (e.target as HTMLElement).dataset?.date;
    if (!from || !days) return;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    if (!step) return;
    e.preventDefault();
    const free = [...days.keys()].sort();
    const target = step > 0 ? free.find((d) => d >= addDays(from, step)) : [...free].reverse().find((d) => d <= addDays(from, step));
    if (target) (e.currentTarget as HTMLElement).querySelector<HTMLButtonElement>(`button[data-date="${target}"]`)?.focus();
  };

  useEffect(() => {
    let live = true;
    setDays(null);
    setError(null);
    if (!range) {
      setDays(new Map());
      return;
    }
    fetchSlots(range.from, range.to, zone)
      .then((r) => {
        if (!live) return;
        const m = new Map<Ymd, Slot[]>();
        for (const d of r.days) if (d.slots.length) m.set(d.date, d.slots);
        setDays(m);
        setDay((cur) => (cur && m.has(cur) ? cur : null));
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [month.year, month.month, zone, reloadKey]);
  useEffect(() => setNoneLeft(false), [month.year, month.month, zone, reloadKey]);

  const names = weekdayNames(locale, 'short');
  const longNames = weekdayNames(locale, 'long');
  const monthName = formatMonth(month, locale);
  const slots = day && days ? days.get(day) ?? [] : [];

  return (
    <div class="calendar">
      <div class="calendar-head">
        <button
          type="button"
          class="btn-secondary"
          onClick={() => setMonth(addMonths(month, -1))}
          disabled={compareMonths(month, firstMonth) <= 0}
          aria-label={t.prevMonth}
        >
          ‹
        </button>
        <h3 id={`cal-${reloadKey}-title`} aria-live="polite">
          {monthName}
        </h3>
        <button
          type="button"
          class="btn-secondary"
          onClick={() => setMonth(addMonths(month, 1))}
          disabled={compareMonths(month, lastMonth) >= 0}
          aria-label={t.nextMonth}
        >
          ›
        </button>
      </div>
      <ErrorMessage error={error} />
      {!days && !error && <Loading label={t.slotsLoading} />}
      <table class="month" aria-label={t.calendarMonth(monthName)} onKeyDown={onGridKey}>
        <thead>
          <tr>
            {names.map((n, i) => (
              <th scope="col" key={n}>
                <abbr title={longNames[i]}>{n}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week, wi) => (
            <tr key={wi}>
              {week.map((d, di) => {
                if (!d) return <td key={di} />;
                const free = days?.get(d)?.length ?? 0;
                const label = free ? t.dayFree(formatDate(d, locale), free) : t.dayNotFree(formatDate(d, locale));
                return (
                  <td key={d}>
                    <button
                      type="button"
                      class={`day${free ? ' day-free' : ''}${d === today ? ' day-today' : ''}`}
                      data-date={d}
                      aria-label={label}
                      aria-pressed={free ? d === day : undefined}
                      disabled={!free}
                      onClick={() => setDay(d)}
                    >
                      {Number(d.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {days && days.size === 0 && !error && (
        <div class="next-available" data-testid="no-free-days">
          <p class="muted">{compareMonths(month, lastMonth) >= 0 || noneLeft ? t.noneInWindow(lastDayText) : t.noFreeDays}</p>
          {compareMonths(month, lastMonth) < 0 && !noneLeft && (
            <button type="button" class="btn-secondary" onClick={jumpToNextFree} disabled={searching}>
              {searching ? t.nextAvailableSearching : t.nextAvailable}
            </button>
          )}
        </div>
      )}
      {windowDays > 0 && <p class="muted">{t.windowExplained(duration(windowDays * 1440), lastDayText)}</p>}
      {days && days.size > 0 && !day && <p class="muted">{t.pickDay}</p>}
      {day && (
        <fieldset class="slots">
          <legend>{t.timesOn(formatDate(day, locale))}</legend>
          <ul class="slot-list">
            {slots.map((s) => (
              <li key={s.start}>
                <button
                  type="button"
                  class="slot"
                  data-start={s.start}
                  aria-pressed={selected?.start === s.start}
                  onClick={() => onSelect(s)}
                >
                  {formatTime(s.start, zone, locale)}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
