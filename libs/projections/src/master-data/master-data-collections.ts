import type { MasterDataKindName, RecordScope } from '@fieldstream/domain';
import type { ReadDocument, ReadValue } from '@fieldstream/read-store';

/** `professional-role` → `md_professional_role`: one collection per kind. */
export function masterDataCollection(kind: MasterDataKindName): string {
  return `md_${kind.replace(/-/g, '_')}`;
}

/** A master-data record as lookups, lists and scope checks read it. `_id` is the record's code. */
export interface MasterDataDocument extends ReadDocument {
  _id: string;
  kind: MasterDataKindName;
  code: string;
  status: 'active' | 'retired';
  record: { [field: string]: ReadValue };
  /** Whose it is, for scoped reads (see RecordScope). */
  scope: RecordScope & { [dimension: string]: ReadValue };
  /** Lower-case words and their prefixes, for search without regular expressions (not in the port). */
  searchTerms: string[];
  /** Number of events in the record's stream: what a client sends back as If-Match. */
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  lastPosition: number;
}
