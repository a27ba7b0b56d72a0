import type { RecordOption } from '../../../shared/types/record-option';
import type { RecordPage } from '../../master-data/types/master-data-types';

/** "Pump seal leak (E-104)": the name people know, and the code that tells two names apart. */
export function nameThenCode(code: string, record: Record<string, unknown>): string {
  const name = typeof record['name'] === 'string' ? record['name'] : '';
  return name ? `${name} (${code})` : code;
}

/** A page of records as the technician's pickers offer them (`nameThenCode`). */
export function recordOptionsOf(page: RecordPage): RecordOption[] {
  return page.items.map((item) => ({ value: item.code, label: nameThenCode(item.code, item.record) }));
}
