import { DomainError } from '../kernel/domain-error';
import { bookingInterval, schedulePeriodOf, schedulePeriodsOf } from './schedule-period';

describe('schedule periods (ISO weeks in UTC)', () => {
  it('names the ISO week, including weeks that belong to the neighbouring year', () => {
    expect(schedulePeriodOf(new Date('2026-11-26T10:00:00Z'))).toBe('2026-W48');
    expect(schedulePeriodOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01');
    // Friday 1 January 2027 belongs to the last week of 2026 (ISO 2026 has 53 weeks).
    expect(schedulePeriodOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(schedulePeriodOf(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    // Monday 29 December 2025 is already in week 1 of 2026.
    expect(schedulePeriodOf(new Date('2025-12-29T00:00:00Z'))).toBe('2026-W01');
  });

  it('lists one period for a booking inside a week, and both for one across the week boundary', () => {
    expect(schedulePeriodsOf('2026-11-26T09:00:00Z', 120)).toEqual(['2026-W48']);
    // Sunday 29 November 23:00 UTC for two hours: ends Monday 01:00 UTC in the next week.
    expect(schedulePeriodsOf('2026-11-29T23:00:00Z', 120)).toEqual(['2026-W48', '2026-W49']);
    // Ending exactly at Monday 00:00 UTC does not touch the next week (half-open).
    expect(schedulePeriodsOf('2026-11-29T23:00:00Z', 60)).toEqual(['2026-W48']);
    expect(schedulePeriodsOf('2026-11-30T00:00:00Z', 60)).toEqual(['2026-W49']);
  });

  it('counts in UTC, so a DST change in the technician zone moves no boundary', () => {
    // Europe/Rome leaves summer time on Sunday 25 October 2026 at 03:00 local (01:00 UTC).
    // 23:30 local on Sunday is 22:30 UTC: still week 43, although a local "25 hours day" passed.
    expect(schedulePeriodsOf('2026-10-25T23:30:00+01:00', 30)).toEqual(['2026-W43']);
    // The same local wall clock an hour later is Monday 00:30 local = Sunday 23:30 UTC: still W43.
    expect(schedulePeriodsOf('2026-10-26T00:30:00+01:00', 30)).toEqual(['2026-W43']);
    // A booking over the DST night lasts exactly its minutes in UTC.
    expect(bookingInterval('2026-10-25T01:30:00+02:00', 120)).toEqual({
      start: '2026-10-24T23:30:00.000Z',
      end: '2026-10-25T01:30:00.000Z',
    });
    // Spring forward (29 March 2026): Monday 00:30 local in Rome is Sunday 22:30 UTC, week 13.
    expect(schedulePeriodsOf('2026-03-30T00:30:00+02:00', 60)).toEqual(['2026-W13']);
    expect(schedulePeriodsOf('2026-03-30T00:30:00+02:00', 120)).toEqual(['2026-W13', '2026-W14']);
  });

  it('lists every week of a long booking', () => {
    expect(schedulePeriodsOf('2026-12-30T08:00:00Z', 14 * 24 * 60)).toEqual([
      '2026-W53',
      '2027-W01',
      '2027-W02',
    ]);
  });

  it('refuses an instant without a zone and a duration that is not whole minutes above 0', () => {
    expect(() => schedulePeriodsOf('2026-11-26T09:00:00', 60)).toThrow(DomainError);
    expect(() => schedulePeriodsOf('yesterday', 60)).toThrow(
      expect.objectContaining({ code: 'invalid_start' }),
    );
    expect(() => schedulePeriodsOf('2026-11-26T09:00:00Z', 0)).toThrow(
      expect.objectContaining({ code: 'invalid_durationMinutes' }),
    );
    expect(() => schedulePeriodsOf('2026-11-26T09:00:00Z', 1.5)).toThrow(DomainError);
  });
});
