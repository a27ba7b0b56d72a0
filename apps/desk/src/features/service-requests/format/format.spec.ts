import { instantOfLocalInput } from './instant-of-local-input';
import { localInputValueOf } from './local-input-value-of';
import { localDayRange } from './local-day-range';
import { referenceOf } from './reference-of';
import { requestAge } from './request-age';

describe('request age', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('counts in the largest whole unit', () => {
    expect(requestAge('2026-11-24T11:00:00Z', now)).toEqual({ value: 3, unit: 'day' });
    expect(requestAge('2026-11-27T06:59:00Z', now)).toEqual({ value: 5, unit: 'hour' });
    expect(requestAge('2026-11-27T11:35:00Z', now)).toEqual({ value: 25, unit: 'minute' });
  });
  it('never goes negative when the server clock is ahead', () => {
    expect(requestAge('2026-11-27T12:01:00Z', now)).toEqual({ value: 0, unit: 'minute' });
  });
});

describe('local date and time inputs', () => {
  it('round-trips an instant through the wall clock of the browser', () => {
    const value = localInputValueOf('2026-11-27T08:30:00.000Z');
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(instantOfLocalInput(value)).toBe('2026-11-27T08:30:00.000Z');
  });
  it('gives nothing for an empty or broken value', () => {
    expect(instantOfLocalInput('')).toBeUndefined();
    expect(instantOfLocalInput('2026-13-45T99:99')).toBeUndefined();
    expect(instantOfLocalInput('27/11/2026 09:00')).toBeUndefined();
  });
  it('spans the whole local day around an instant', () => {
    const { from, to } = localDayRange('2026-11-27T08:30:00.000Z');
    expect(localInputValueOf(from)).toMatch(/T00:00$/);
    expect(Date.parse(from)).toBeLessThanOrEqual(Date.parse('2026-11-27T08:30:00.000Z'));
    expect(Date.parse(to)).toBeGreaterThan(Date.parse('2026-11-27T08:30:00.000Z'));
    expect(localInputValueOf(to)).toMatch(/T00:00$/);
  });
});

describe('request reference', () => {
  it('is SR- and the first eight characters of the id, in capitals, as the API forms it', () => {
    expect(referenceOf('1e8ed26c-6b91-5f3d-86b6-1e7168b97af3')).toBe('SR-1E8ED26C');
  });
});
