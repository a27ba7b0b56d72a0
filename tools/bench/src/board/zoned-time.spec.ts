import { firstLoadedDay, isoDate, mondayOfWeek, todayOf } from './zoned-time';

describe('the days a board bench loads', () => {
  const monday = Date.UTC(2026, 10, 23);
  const day = (n: number) => Date.UTC(2026, 10, 23 + n);

  it('end today, within the week, so that the board opened on today shows them', () => {
    // Friday: two days are Thursday and Friday; seven the whole week.
    expect(isoDate(firstLoadedDay(monday, day(4), 2))).toBe('2026-11-26');
    expect(isoDate(firstLoadedDay(monday, day(4), 7))).toBe('2026-11-23');
    // Monday: they start today, not in the week before.
    expect(isoDate(firstLoadedDay(monday, day(0), 2))).toBe('2026-11-23');
    // Sunday: the last days of the week.
    expect(isoDate(firstLoadedDay(monday, day(6), 3))).toBe('2026-11-27');
  });

  it("reads today and its week's Monday on the zone's wall clock", () => {
    // 23:30 UTC on Sunday 29 November is already Monday 30 November in Rome.
    const late = new Date(Date.UTC(2026, 10, 29, 23, 30));
    expect(isoDate(todayOf(late, 'Europe/Rome'))).toBe('2026-11-30');
    expect(isoDate(mondayOfWeek(late, 'Europe/Rome'))).toBe('2026-11-30');
    expect(isoDate(todayOf(late, 'UTC'))).toBe('2026-11-29');
  });
});
