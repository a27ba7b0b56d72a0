import type { RecordOption } from '../types/record-option';
import type { MasterDataPage } from './master-data-page';

/** "Pump seal leak (E-104)": the name people know, and the code that tells two names apart. */
export function recordOptionsOf(page: MasterDataPage): RecordOption[] {
  return page.items.map((item) => {
    const name = typeof item.record['name'] === 'string' ? item.record['name'] : '';
    return { value: item.code, label: name ? `${name} (${item.code})` : item.code };
  });
}
