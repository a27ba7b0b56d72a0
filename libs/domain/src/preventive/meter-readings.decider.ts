import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';

export type MeterReadingSource = 'technician' | 'device' | 'desk' | 'integration';

export type MeterEvent = {
  type: 'MeterReadingRecorded';
  data: { assetCode: string; meter: string; value: number; at: string; source: MeterReadingSource };
};

export type MeterCommand = {
  type: 'record';
  assetCode: string;
  meter: string;
  value: number;
  at: string;
  source: MeterReadingSource;
};

export type MeterState = { last: Record<string, { value: number; at: string }> };

/** One stream per asset for its meters' readings: `asset-meters-<assetCode>`. */
export const meterStreamName = (assetCode: string) => `asset-meters-${assetCode}`;
export const METER_STREAM_PREFIX = 'asset-meters-';

/**
 * An asset's meter readings (operating hours, cycles...), from machines or technicians. A meter
 * only goes up: a reading below the last one is refused (a replaced counter is an asset change, not
 * a reading). The same reading reported twice (a device retrying) records nothing; an older
 * reading arriving late is kept only if it does not contradict a newer one.
 */
export const meterDecider: Decider<MeterState, MeterCommand, MeterEvent> = {
  initialState: { last: {} },
  evolve(state, event) {
    const previous = state.last[event.data.meter];
    if (previous && previous.at > event.data.at) return state;
    return { last: { ...state.last, [event.data.meter]: { value: event.data.value, at: event.data.at } } };
  },
  decide(command, state) {
    if (!command.meter.trim()) throw new DomainError('required', 'Name the meter', { field: 'meter' });
    if (!Number.isFinite(command.value) || command.value < 0) {
      throw new DomainError('invalid_reading', 'A reading is a number from 0', {
        field: 'value',
        value: command.value,
      });
    }
    if (Number.isNaN(Date.parse(command.at))) {
      throw new DomainError('invalid_time', 'at must be an ISO 8601 date-time', {
        field: 'at',
        value: command.at,
      });
    }
    const at = new Date(Date.parse(command.at)).toISOString();
    const last = state.last[command.meter.trim()];
    if (last && last.at === at && last.value === command.value) return [];
    if (last && at >= last.at && command.value < last.value) {
      throw new DomainError(
        'reading_goes_back',
        `The ${command.meter} meter read ${last.value} at ${last.at}; ${command.value} would go back`,
        { field: 'value', last },
      );
    }
    if (last && at < last.at && command.value > last.value) {
      throw new DomainError(
        'reading_goes_back',
        `A reading of ${command.value} at ${command.at} contradicts ${last.value} read later, at ${last.at}`,
        { field: 'value', last },
      );
    }
    return [
      {
        type: 'MeterReadingRecorded',
        data: {
          assetCode: command.assetCode,
          meter: command.meter.trim(),
          value: command.value,
          at,
          source: command.source,
        },
      },
    ];
  },
};
