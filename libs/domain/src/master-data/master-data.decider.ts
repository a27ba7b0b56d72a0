import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { canonicalJson, changedFields } from './canonical-json';
import type { MasterDataKindName } from './master-data-kind';
import {
  type MasterDataEvent,
  type MasterRecord,
  masterDataEventType,
  masterDataFactOf,
} from './master-data-events';

export interface MasterDataState {
  status: 'absent' | 'active' | 'retired';
  record?: MasterRecord;
}

/**
 * What can be asked of one record. `record` has passed the kind's schema at the edge (defaults
 * filled), so equal requests give equal records and a repeated request decides nothing.
 */
export type MasterDataCommand =
  | { type: 'register'; code: string; record: MasterRecord }
  | { type: 'change'; code: string; record: MasterRecord }
  /** What an import asks: register if new, change if different, nothing if equal. */
  | { type: 'upsert'; code: string; record: MasterRecord }
  | { type: 'retire'; code: string; reason: string }
  | { type: 'reinstate'; code: string };

type MasterDataDecider = Decider<MasterDataState, MasterDataCommand, MasterDataEvent>;
const deciders = new Map<MasterDataKindName, MasterDataDecider>();

/**
 * The decider of every master-data record of one kind: the kinds differ in their data, not in
 * their life. One object per kind, so that callers may recognise it (a cache of folded streams
 * keeps the decider that folded each one).
 */
export function masterDataDecider(kind: MasterDataKindName): MasterDataDecider {
  let decider = deciders.get(kind);
  if (!decider) deciders.set(kind, (decider = buildMasterDataDecider(kind)));
  return decider;
}

function buildMasterDataDecider(kind: MasterDataKindName): MasterDataDecider {
  const registered = (code: string, record: MasterRecord): MasterDataEvent => ({
    type: masterDataEventType(kind, 'Registered') as `${string}Registered`,
    data: { kind, code, record },
  });
  const changed = (code: string, before: MasterRecord, record: MasterRecord): MasterDataEvent[] => {
    const fields = changedFields(before, record);
    if (fields.length === 0) return [];
    return [
      {
        type: masterDataEventType(kind, 'Changed') as `${string}Changed`,
        data: { kind, code, record, changedFields: fields },
      },
    ];
  };
  const notFound = (code: string) =>
    new DomainError('not_found', `There is no ${kind} ${code}`, { kind, code });
  const retired = (code: string) =>
    new DomainError('retired', `The ${kind} ${code} is retired; reinstate it before changing it`, {
      kind,
      code,
    });

  return {
    initialState: { status: 'absent' },
    evolve(state, event) {
      switch (masterDataFactOf(event.type)) {
        case 'Registered':
        case 'Changed':
          return { status: 'active', record: (event.data as { record: MasterRecord }).record };
        case 'Retired':
          return { ...state, status: 'retired' };
        case 'Reinstated':
          return { ...state, status: 'active' };
        default:
          return state;
      }
    },
    decide(command, state) {
      switch (command.type) {
        case 'register':
          if (state.status === 'absent') return [registered(command.code, command.record)];
          if (state.status === 'active' && canonicalJson(state.record) === canonicalJson(command.record))
            return [];
          throw new DomainError('already_exists', `A ${kind} with code ${command.code} already exists`, {
            kind,
            code: command.code,
            status: state.status,
          });
        case 'change':
          if (state.status === 'absent') throw notFound(command.code);
          if (state.status === 'retired') throw retired(command.code);
          return changed(command.code, state.record ?? {}, command.record);
        case 'upsert':
          if (state.status === 'absent') return [registered(command.code, command.record)];
          if (state.status === 'retired') throw retired(command.code);
          return changed(command.code, state.record ?? {}, command.record);
        case 'retire':
          if (state.status === 'absent') throw notFound(command.code);
          if (state.status === 'retired') return [];
          return [
            {
              type: masterDataEventType(kind, 'Retired') as `${string}Retired`,
              data: { kind, code: command.code, reason: command.reason },
            },
          ];
        case 'reinstate':
          if (state.status === 'absent') throw notFound(command.code);
          if (state.status === 'active') return [];
          return [
            {
              type: masterDataEventType(kind, 'Reinstated') as `${string}Reinstated`,
              data: { kind, code: command.code },
            },
          ];
      }
    },
  };
}
