import { timeLeft } from './time-left';

const NOW = Date.parse('2026-11-27T09:00:00.000Z');
const after = (ms: number) => new Date(NOW + ms).toISOString();
const parts = (deadline: string) => timeLeft(deadline, NOW).parts.map((p) => `${p.value} ${p.unit}`);

describe('time left to a deadline', () => {
  it('says the two largest units, leaving out a zero', () => {
    expect(parts(after(2 * 86_400_000 + 3 * 3_600_000 + 5 * 60_000))).toEqual(['2 day', '3 hour']);
    expect(parts(after(86_400_000))).toEqual(['1 day']);
    expect(parts(after(3_600_000 + 5 * 60_000 + 30_000))).toEqual(['1 hour', '5 minute']);
    expect(parts(after(4 * 60_000 + 30_500))).toEqual(['4 minute', '30 second']);
    expect(parts(after(999))).toEqual(['0 second']);
  });

  it('counts past the deadline as overdue, from its first whole second', () => {
    expect(timeLeft(after(0), NOW).overdue).toBe(false);
    expect(timeLeft(after(-400), NOW)).toMatchObject({
      overdue: true,
      parts: [{ unit: 'second', value: 1 }],
    });
    expect(timeLeft(after(-(5 * 60_000)), NOW)).toMatchObject({
      overdue: true,
      parts: [{ unit: 'minute', value: 5 }],
    });
  });
});
