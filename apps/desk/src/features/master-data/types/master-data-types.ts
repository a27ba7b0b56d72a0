import type { MasterDataKindName } from '@fieldstream/domain';

export type Access = 'all' | 'scoped' | 'none';

/** One kind as `GET /api/master-data` describes it for the signed-in user. */
export interface KindAccess {
  kind: MasterDataKindName;
  plural: string;
  read: Access;
  write: Access;
  columns: string[];
}

/** A record as the read model holds it. */
export interface MasterDataDocument {
  code: string;
  kind: MasterDataKindName;
  status: 'active' | 'retired';
  record: Record<string, unknown>;
  version: number;
  createdAt?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface RecordPage {
  items: MasterDataDocument[];
  total: number;
}

export type StatusFilter = 'active' | 'retired' | 'all';

/** One event of a record's audit trail. */
export interface HistoryEntry {
  version: number;
  type: string;
  at: string;
  recordedAt?: string;
  actorId?: string;
  actorName?: string;
  actorRole?: string;
  correlationId?: string;
  changedFields?: string[];
  data?: unknown;
}
