import { masterDataFactOf } from '@fieldstream/domain';
import type { WordingLanguage } from './wording-vocabulary';

/** What a history's change line is made from: one entry of a master-data record's audit trail. */
export interface RecordChange {
  type: string;
  changedFields: readonly string[];
  data: unknown;
}

/**
 * One line saying what a change did to a master-data record: "Changed configuration, siteCode."
 * or "Retired: moved to the Rome plant.". The details stay in the record's own history.
 */
export function summariseRecordChange(change: RecordChange, language: WordingLanguage = 'en'): string {
  const it = language === 'it';
  switch (masterDataFactOf(change.type)) {
    case 'Registered':
      return it ? 'Registrato.' : 'Registered.';
    case 'Changed':
      if (change.changedFields.length === 0) return it ? 'Modificato.' : 'Changed.';
      return `${it ? 'Modificato' : 'Changed'}: ${change.changedFields.join(', ')}.`;
    case 'Retired': {
      const reason = (change.data as { reason?: unknown } | null)?.reason;
      const because = typeof reason === 'string' && reason.trim() !== '' ? `: ${reason}` : '';
      return `${it ? 'Dismesso' : 'Retired'}${because}.`;
    }
    case 'Reinstated':
      return it ? 'Ripristinato.' : 'Reinstated.';
    default:
      return `${change.type}.`;
  }
}
