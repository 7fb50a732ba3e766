import { describe, expect, it } from 'vitest';
import { contrast, readableAccent } from '../src/lib/brand';
import { canonicalZone, friendlyZoneName, listCanonicalZones } from '../src/lib/tz';
import { duration, plural } from '../src/i18n';

describe('readableAccent', () => {
  it('keeps a dark colour that already reads well', () => {
    expect(readableAccent('#1f4e8c', '#e3ecf8')).toBe('#1f4e8c');
  });
  for (const colour of ['#f5a623', '#ffff00', '#7fdbff', '#ffffff']) {
    it(`darkens ${colour} until white text and the page both reach 4.5:1`, () => {
      const c = readableAccent(colour, '#e3ecf8');
      expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c, '#e3ecf8')).toBeGreaterThanOrEqual(4.5);
    });
    it(`lightens ${colour} for dark mode until dark text and the page reach 4.5:1`, () => {
      const c = readableAccent(colour === '#ffffff' ? '#000080' : colour, '#1d2a3a');
      expect(contrast(c, '#000000')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c, '#1d2a3a')).toBeGreaterThanOrEqual(4.5);
    });
  }
  it('refuses what is not #rrggbb', () => {
    expect(readableAccent('orange', '#ffffff')).toBe('');
  });
});

describe('zones for the picker', () => {
  it('lists current geographic names only', () => {
    const zones = listCanonicalZones('America/New_York');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(zones.some((z) => /^(US|Etc)\//.test(z) || z === 'EST5EDT')).toBe(false);
    expect(zones).toContain('UTC');
    expect(canonicalZone('Europe/Kiev')).toBe('Europe/Kyiv');
  });
  it('names a zone by city, generic name and offset', () => {
    expect(friendlyZoneName('America/New_York', '2026-01-15T12:00:00Z', 'en-US')).toBe('New York · Eastern Time (GMT-5)');
    expect(friendlyZoneName('Asia/Kolkata', '2026-06-01T00:00:00Z', 'en-US')).toMatch(/^Kolkata .*\(GMT\+5:30\)$/);
  });
});

describe('words for numbers', () => {
  it('uses the locale plural rules', () => {
    expect(plural(1, { one: '# zone', other: '# zones' })).toBe('1 zone');
    expect(plural(3, { one: '# zone', other: '# zones' })).toBe('3 zones');
  });
  it('says durations in the largest whole unit', () => {
    expect(duration(1440)).toBe('1 day');
    expect(duration(120)).toBe('2 hours');
    expect(duration(90)).toBe('90 minutes');
  });
});
