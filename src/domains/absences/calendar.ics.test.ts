import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, icsDateTime, writeIcsCalendar } from './calendar.ics';

describe('the ICS writer', () => {
  it('escapes TEXT values as RFC 5545 §3.3.11 says', () => {
    expect(escapeIcsText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('writes UTC date-times', () => {
    expect(icsDateTime(new Date('2026-12-22T17:00:00.000Z'))).toBe('20261222T170000Z');
  });

  it('folds lines at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'è'.repeat(60)}`;
    const folded = foldIcsLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((piece) => piece.startsWith(' '))).toBe(true);
    expect(pieces.map((piece, index) => (index === 0 ? piece : piece.slice(1))).join('')).toBe(line);
    expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes a calendar with CRLF line ends and one VEVENT per absence', () => {
    const text = writeIcsCalendar({
      name: 'Team, absences',
      now: new Date('2026-03-02T09:00:00Z'),
      events: [
        {
          uid: 'a1@baton',
          start: new Date('2026-12-22T17:00:00Z'),
          end: new Date('2027-01-04T08:00:00Z'),
          summary: 'Anna Ferri away — covered by Sara Colombo (backup Peter Marsh)',
          status: 'CONFIRMED',
        },
      ],
    });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain('X-WR-CALNAME:Team\\, absences');
    expect(text).toContain('DTSTART:20261222T170000Z\r\nDTEND:20270104T080000Z');
    expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:Anna Ferri away — covered by Sara Colombo (backup Peter Marsh)');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});
