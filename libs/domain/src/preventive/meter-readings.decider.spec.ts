import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import {
  type MeterCommand,
  type MeterEvent,
  meterDecider,
  meterStreamName,
  type MeterReadingSource,
} from './meter-readings.decider';

const spec = deciderSpecification(meterDecider);
const code = (expected: string) => (error: DomainError) => error.code === expected;
const HOURS = 'operating-hours';

const record = (
  value: number,
  at: string,
  meter = HOURS,
  source: MeterReadingSource = 'device',
): MeterCommand => ({ type: 'record', assetCode: 'SN-1', meter, value, at, source });
const recorded = (
  value: number,
  at: string,
  meter = HOURS,
  source: MeterReadingSource = 'device',
): MeterEvent => ({
  type: 'MeterReadingRecorded',
  data: { assetCode: 'SN-1', meter, value, at, source },
});

const T1 = '2026-03-01T08:00:00.000Z';
const T2 = '2026-03-02T08:00:00.000Z';
const T3 = '2026-03-03T08:00:00.000Z';

describe('meter readings', () => {
  it('keeps one stream per asset', () => {
    expect(meterStreamName('SN-1')).toBe('asset-meters-SN-1');
  });

  it('records a first reading, from 0', () => {
    spec
      .given([])
      .when(record(0, T1, HOURS, 'technician'))
      .then([recorded(0, T1, HOURS, 'technician')]);
  });

  it('records readings going up, or standing still while the asset is idle', () => {
    spec
      .given([recorded(100, T1)])
      .when(record(150.5, T2))
      .then([recorded(150.5, T2)]);
    spec
      .given([recorded(100, T1)])
      .when(record(100, T2))
      .then([recorded(100, T2)]);
  });

  it('records nothing for the same reading twice (a device retrying)', () => {
    spec
      .given([recorded(100, T1)])
      .when(record(100, T1))
      .thenNothingHappens();
    spec
      .given([recorded(100, T1)])
      .when(record(100, '2026-03-01T09:00:00+01:00'))
      .thenNothingHappens();
  });

  it('refuses a reading that goes back, naming the last one', () => {
    spec
      .given([recorded(100, T1)])
      .when(record(90, T2))
      .thenThrows(DomainError, (e) => {
        expect(e.code).toBe('reading_goes_back');
        expect(e.details).toEqual({ field: 'value', last: { value: 100, at: T1 } });
        expect(e.message).toBe(`The ${HOURS} meter read 100 at ${T1}; 90 would go back`);
        return true;
      });
    spec
      .given([recorded(100, T1)])
      .when(record(99, T1))
      .thenThrows(DomainError, code('reading_goes_back'));
  });

  it('records a late older reading that agrees with the newer one, without making it the last', () => {
    spec
      .given([recorded(200, T3)])
      .when(record(150, T2))
      .then([recorded(150, T2)]);
    spec
      .given([recorded(200, T3)])
      .when(record(200, T2))
      .then([recorded(200, T2)]);
    // The late 150 at T2 does not become the last: 180 at a later time is still below 200.
    spec
      .given([recorded(200, T3), recorded(150, T2)])
      .when(record(180, '2026-03-04T08:00:00Z'))
      .thenThrows(DomainError, (e) => e.code === 'reading_goes_back' && e.details['last'] !== undefined);
  });

  it('refuses a late older reading above a newer one', () => {
    spec
      .given([recorded(200, T3)])
      .when(record(250, T2))
      .thenThrows(
        DomainError,
        (e) =>
          e.code === 'reading_goes_back' &&
          e.message === `A reading of 250 at ${T2} contradicts 200 read later, at ${T3}` &&
          (e.details['last'] as { value: number }).value === 200,
      );
  });

  it('keeps each meter apart', () => {
    spec
      .given([recorded(1000, T1)])
      .when(record(5, T2, 'cycles'))
      .then([recorded(5, T2, 'cycles')]);
    spec
      .given([recorded(1000, T1), recorded(5, T2, 'cycles')])
      .when(record(1001, T3))
      .then([recorded(1001, T3)]);
    spec
      .given([recorded(1000, T1), recorded(5, T2, 'cycles')])
      .when(record(4, T3, 'cycles'))
      .thenThrows(DomainError, code('reading_goes_back'));
  });

  it('normalises the time to UTC and the meter name to its trimmed form', () => {
    spec
      .given([])
      .when(record(10, '2026-03-01T09:00:00+01:00', `  ${HOURS} `))
      .then([recorded(10, T1)]);
    spec
      .given([recorded(100, T1)])
      .when(record(90, T2, ` ${HOURS}`))
      .thenThrows(DomainError, code('reading_goes_back'));
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the value %p', (value) => {
    spec
      .given([])
      .when(record(value, T1))
      .thenThrows(DomainError, (e) => e.code === 'invalid_reading' && e.details['field'] === 'value');
  });

  it.each(['yesterday', '', '2026-13-45T08:00:00Z'])('refuses the time %j', (at) => {
    spec
      .given([])
      .when(record(1, at))
      .thenThrows(DomainError, (e) => e.code === 'invalid_time' && e.details['field'] === 'at');
  });

  it('refuses a reading of no meter', () => {
    spec
      .given([])
      .when(record(1, T1, '  '))
      .thenThrows(DomainError, (e) => e.code === 'required' && e.details['field'] === 'meter');
  });

  it('evolves to the newest reading of each meter, whatever order the events come in', () => {
    const state = [recorded(200, T3), recorded(150, T2), recorded(7, T1, 'cycles')].reduce(
      meterDecider.evolve,
      meterDecider.initialState,
    );
    expect(state).toEqual({ last: { [HOURS]: { value: 200, at: T3 }, cycles: { value: 7, at: T1 } } });
  });
});
