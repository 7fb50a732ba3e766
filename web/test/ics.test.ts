import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from '../src/lib/ics';

describe('ics file', () => {
  const ics = buildIcs({
    uid: 'bk_1@visitd',
    start: '2026-11-25T01:00:00-06:00',
    end: '2026-11-25T01:30:00-06:00',
    summary: 'Video consultation, Northwind; Health',
    description: 'Manage: http://127.0.0.1/manage/abc',
    stamp: new Date('2026-11-24T12:00:00Z'),
  });

  it('writes the times in UTC', () => {
    expect(ics).toContain('DTSTART:20261125T070000Z\r\n');
    expect(ics).toContain('DTEND:20261125T073000Z\r\n');
  });

  it('escapes text and uses CRLF line ends', () => {
    expect(ics).toContain('SUMMARY:Video consultation\\, Northwind\\; Health\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(escapeText('a\nb\\c')).toBe('a\\nb\\\\c');
  });

  it('folds long lines at 75 octets', () => {
    const folded = foldLine('DESCRIPTION:' + 'é'.repeat(60));
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe('DESCRIPTION:' + 'é'.repeat(60));
  });
});
