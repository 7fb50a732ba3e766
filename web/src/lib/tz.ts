// Time-zone display logic for calendars and appointment times. Pure functions (the clock is
// passed in) so they can be unit-tested for any zone and DST edge.
// Dates are 'YYYY-MM-DD' strings; instants are ISO 8601 strings with an offset or epoch ms.

export type Ymd = string;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The browser's IANA zone, or UTC when it cannot tell. */
export function detectZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Zones offered in pickers: the runtime's list, always containing `current`. */
export function listZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const zones = new Set(intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : []);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

// Names some runtimes (CLDR) still report for zones IANA has since renamed.
const kRenamed: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
};
const kRegions = /^(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//;

/** The current IANA name of a zone (legacy CLDR spellings renamed). */
export function canonicalZone(zone: string): string {
  return kRenamed[zone] ?? zone;
}

/**
 * Zones offered in the consumer's picker: geographic IANA zones under their current names
 * (no "US/Eastern", "EST5EDT" or "Etc/GMT+5" aliases), plus UTC and `current`.
 */
export function listCanonicalZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const zones = new Set<string>();
  for (const z of intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : []) {
    const c = canonicalZone(z);
    if (kRegions.test(c) && isValidZone(c)) zones.add(c);
  }
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}

/** "New York · Eastern Time (GMT-5)": the city, the zone's generic name, the offset now. */
export function friendlyZoneName(zone: string, instant: string | number | Date, locale?: string): string {
  const city = zone.split('/').pop()!.replace(/_/g, ' ');
  let generic = '';
  try {
    generic =
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(new Date(toMs(instant)))
        .find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    generic = '';
  }
  const offset = zoneOffsetName(zone, instant);
  return generic && !generic.startsWith('GMT') && generic !== city ? `${city} · ${generic} (${offset})` : `${city} (${offset})`;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(ms: number, zone: string): WallParts {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

const toMs = (instant: string | number | Date) =>
  typeof instant === 'number' ? instant : new Date(instant).getTime();

/** The calendar date of an instant as seen in `zone`. */
export function dateInZone(instant: string | number | Date, zone: string): Ymd {
  const p = wallParts(toMs(instant), zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'HH:MM' (24 h) wall-clock time of an instant in `zone`. */
export function wallTimeInZone(instant: string | number | Date, zone: string): string {
  const p = wallParts(toMs(instant), zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function todayInZone(zone: string, nowMs: number): Ymd {
  return dateInZone(nowMs, zone);
}

/** Minutes `zone` is ahead of UTC at that instant (e.g. -300 for New York in winter). */
export function offsetMinutes(zone: string, instant: string | number | Date): number {
  const ms = toMs(instant);
  const p = wallParts(ms, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - (ms - (ms % 1000))) / 60000);
}

/**
 * The instant at which the wall clock in `zone` shows `date` `time` ('HH:MM'). In a
 * spring-forward gap the time does not exist and moves forward by the gap (as JavaScript's Date
 * does: 02:30 becomes 03:30); in a fall-back overlap the first occurrence is chosen.
 */
export function zonedTimeToUtc(date: Ymd, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const before = offsetMinutes(zone, wall - 86400000 / 2);
  const after = offsetMinutes(zone, wall + 86400000 / 2);
  // Try both offsets around the date; the first that reproduces the wall time wins.
  for (const off of [before, after]) {
    const t = wall - off * 60000;
    if (wallTimeInZone(t, zone) === `${pad(hh)}:${pad(mm)}` && dateInZone(t, zone) === date) return new Date(t);
  }
  return new Date(wall - before * 60000);
}

export function addDays(date: Ymd, days: number): Ymd {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export interface Month {
  year: number;
  month: number; // 1..12
}

export function monthOf(date: Ymd): Month {
  const [year, month] = date.split('-').map(Number);
  return { year, month };
}

export function addMonths(m: Month, n: number): Month {
  const idx = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
}

export function compareMonths(a: Month, b: Month): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

export function daysInMonth(m: Month): number {
  return new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
}

export const firstOfMonth = (m: Month): Ymd => `${pad(m.year, 4)}-${pad(m.month)}-01`;
export const lastOfMonth = (m: Month): Ymd => `${pad(m.year, 4)}-${pad(m.month)}-${pad(daysInMonth(m))}`;

/** ISO weekday (1 = Monday .. 7 = Sunday) of a calendar date; independent of any zone. */
export function isoWeekday(date: Ymd): number {
  const [y, m, d] = date.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Weeks (Monday first) of a month; cells outside the month are null. */
export function monthGrid(m: Month): (Ymd | null)[][] {
  const first = firstOfMonth(m);
  const lead = isoWeekday(first) - 1;
  const cells: (Ymd | null)[] = Array(lead).fill(null);
  for (let d = 0; d < daysInMonth(m); d++) cells.push(addDays(first, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (Ymd | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The dates of `m` worth asking the server about: from today (in the consumer's zone) to the
 * end of the booking window, clipped to the month. Null when the month is entirely outside.
 */
export function bookableRange(m: Month, today: Ymd, windowDays: number): { from: Ymd; to: Ymd } | null {
  const last = addDays(today, Math.max(0, windowDays));
  const from = firstOfMonth(m) > today ? firstOfMonth(m) : today;
  const to = lastOfMonth(m) < last ? lastOfMonth(m) : last;
  return from <= to ? { from, to } : null;
}

// ---- formatting (locale-aware, for display only) ----

export function formatTime(instant: string | number | Date, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(
    new Date(toMs(instant)),
  );
}

export function formatDateTime(instant: string | number | Date, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(toMs(instant)));
}

/** A calendar date in words; the date is not an instant, so no zone applies. */
export function formatDate(date: Ymd, locale?: string, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = date.split('-').map(Number);
  const opts: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
      : { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, opts).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatMonth(m: Month, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
    new Date(Date.UTC(m.year, m.month - 1, 1)),
  );
}

/** Short weekday names, Monday first. */
export function weekdayNames(locale?: string, style: 'short' | 'long' = 'short'): string[] {
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: style });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** "GMT-5" style offset name of a zone at an instant. */
export function zoneOffsetName(zone: string, instant: string | number | Date): string {
  const off = offsetMinutes(zone, instant);
  if (off === 0) return 'GMT';
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `GMT${sign}${Math.floor(a / 60)}${a % 60 ? ':' + pad(a % 60) : ''}`;
}

/** "America/New_York (GMT-5)" */
export function zoneLabel(zone: string, instant: string | number | Date): string {
  return `${zone.replace(/_/g, ' ')} (${zoneOffsetName(zone, instant)})`;
}

/** Value for <input type=datetime-local> showing an instant's wall time in `zone`. */
export function toLocalInputValue(instant: string | number | Date, zone: string): string {
  return `${dateInZone(instant, zone)}T${wallTimeInZone(instant, zone)}`;
}

/** Instant for a datetime-local value ('YYYY-MM-DDTHH:MM') meant in `zone`. */
export function fromLocalInputValue(value: string, zone: string): Date {
  const [date, time] = value.split('T');
  return zonedTimeToUtc(date, time.slice(0, 5), zone);
}
