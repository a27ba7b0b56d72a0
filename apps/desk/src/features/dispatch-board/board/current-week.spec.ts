import { currentWeek } from './current-week';

describe('currentWeek', () => {
  // Dates written without a zone are local, like the board's.
  it('starts on the Monday of the week and lasts seven days', () => {
    expect(currentWeek(new Date('2026-11-27T15:00:00'))).toEqual({
      from: new Date('2026-11-23T00:00:00').toISOString(),
      to: new Date('2026-11-30T00:00:00').toISOString(),
    });
  });

  it('counts a Sunday in the week that began the Monday before', () => {
    expect(currentWeek(new Date('2026-11-29T23:59:00')).from).toBe(
      new Date('2026-11-23T00:00:00').toISOString(),
    );
  });

  it('takes a Monday as its own week', () => {
    expect(currentWeek(new Date('2026-11-30T00:00:00')).from).toBe(
      new Date('2026-11-30T00:00:00').toISOString(),
    );
  });
});
