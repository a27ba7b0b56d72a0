import type { MasterDataKindName } from '@fieldstream/domain';

/** One problem found in an import file, where a person can find it: the line (CSV) or position (JSON). */
export interface ImportIssue {
  /** CSV: the file's line number (the header is line 1). JSON: the record's 1-based position in its array. 0: the file as a whole. */
  row: number;
  field: string;
  code: string;
  message: string;
  /** The kind the row belongs to (multi-kind documents). */
  kind?: MasterDataKindName;
}

/** A record read from a file, not yet validated. */
export interface ImportRow {
  row: number;
  code: unknown;
  fields: Record<string, unknown>;
}

export interface ImportBatch {
  kind: MasterDataKindName;
  rows: ImportRow[];
}

export type ImportPhase = 'parsing' | 'validating' | 'writing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
  /** The kind being validated or written, for multi-kind documents. */
  kind?: MasterDataKindName;
}

export type ImportStatus = 'validated' | 'committed' | 'rejected' | 'failed';

export interface ImportCounts {
  total: number;
  created: number;
  changed: number;
  unchanged: number;
}

export interface ImportResult extends ImportCounts {
  importId: string;
  /** The kinds in the file, in the order they were written. */
  kinds: MasterDataKindName[];
  status: ImportStatus;
  dryRun: boolean;
  /** For a dry run: what a real run would create / change / leave alone. */
  perKind: Partial<Record<MasterDataKindName, ImportCounts>>;
  errors: ImportIssue[];
  sha256: string;
  fileName?: string;
  startedAt: string;
  finishedAt: string;
  /** False when the master-data read model had not caught up in time (the writes stand). */
  readModelCurrent: boolean;
  /** Why a run failed while writing (a store error); the written part stands, a re-run completes it. */
  failure?: string;
}
