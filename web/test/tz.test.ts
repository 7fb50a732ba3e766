// The calendar's time-zone display: dates and times of one instant differ by viewer zone,
// DST days keep their wall clock, month grids start on Monday.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  bookableRange,
  dateInZone,
  formatTime,
  fromLocalInputValue,
  monthGrid,
  offsetMinutes,
  todayInZone,
  wallTimeInZone,
  zoneLabel,
  zonedTimeToUtc,
} from '../src/lib/tz';

describe('an instant seen from different zones', () => {
  const slot = '2026-11-25T01:00:00-06:00'; // 07:00 UTC

  it('shows the wall time of each viewer zone', () => {
    expect(wallTimeInZone(slot, 'America/Chicago')).toBe('01:00');
    expect(wallTimeInZone(slot, 'Europe/London')).toBe('07:00');
    expect(wallTimeInZone(slot, 'Asia/Kolkata')).toBe('12:30');
    expect(formatTime(slot, 'America/New_York', 'en-US')).toBe('2:00 AM');
  });

  it('falls on a different calendar day across the date line', () => {
    const late = '2026-11-24T23:30:00-05:00';
    expect(dateInZone(late, 'America/New_York')).toBe('2026-11-24');
    expect(dateInZone(late, 'Asia/Tokyo')).toBe('2026-11-25');
    expect(dateInZone(late, 'Pacific/Honolulu')).toBe('2026-11-24');
  });

  it("takes today from the viewer's zone, not UTC", () => {
    const now = Date.parse('2026-03-01T02:00:00Z');
    expect(todayInZone('UTC', now)).toBe('2026-03-01');
    expect(todayInZone('America/Los_Angeles', now)).toBe('2026-02-28');
  });
});

describe('daylight saving time', () => {
  it('keeps 09:00 local on both sides of the New York spring change', () => {
    expect(zonedTimeToUtc('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-09', '09:00', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap past the gap', () => {
    const t = zonedTimeToUtc('2026-03-29', '01:30', 'Europe/London');
    expect(wallTimeInZone(t, 'Europe/London')).toBe('02:30');
  });

  it('chooses the first occurrence of a repeated fall-back time', () => {
    const t = zonedTimeToUtc('2026-11-01', '01:30', 'America/New_York');
    expect(t.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(offsetMinutes('America/New_York', t)).toBe(-240);
  });

  it('handles half-hour and 45-minute offsets', () => {
    expect(offsetMinutes('Asia/Kolkata', '2026-06-01T00:00:00Z')).toBe(330);
    expect(offsetMinutes('Asia/Kathmandu', '2026-06-01T00:00:00Z')).toBe(345);
    expect(zoneLabel('Asia/Kolkata', '2026-06-01T00:00:00Z')).toBe('Asia/Kolkata (GMT+5:30)');
    expect(zoneLabel('America/New_York', '2026-01-15T12:00:00Z')).toBe('America/New York (GMT-5)');
  });

  it('reads a datetime-local value in the given zone', () => {
    expect(fromLocalInputValue('2026-07-01T10:00', 'Europe/London').toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });
});

describe('month grid', () => {
  it('starts weeks on Monday with blanks before the first', () => {
    const weeks = monthGrid({ year: 2026, month: 11 }); // 1 Nov 2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks[weeks.length - 1][0]).toBe('2026-11-30');
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });

  it('knows leap years', () => {
    expect(monthGrid({ year: 2028, month: 2 }).flat().filter(Boolean)).toHaveLength(29);
  });

  it('asks only for the bookable part of a month', () => {
    expect(bookableRange({ year: 2026, month: 11 }, '2026-11-24', 60)).toEqual({ from: '2026-11-24', to: '2026-11-30' });
    expect(bookableRange({ year: 2027, month: 1 }, '2026-11-24', 60)).toEqual({ from: '2027-01-01', to: '2027-01-23' });
    expect(bookableRange({ year: 2027, month: 2 }, '2026-11-24', 60)).toBeNull();
    expect(bookableRange({ year: 2026, month: 10 }, '2026-11-24', 60)).toBeNull();
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
