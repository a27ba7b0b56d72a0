/** The phases an import goes through; the last three are final. */
export type ImportPhase =
  'parsing' | 'validating' | 'writing' | 'validated' | 'committed' | 'rejected' | 'failed';

export interface ImportRowError {
  /** The file's line (CSV, header = 1) or the array index + 1 (JSON). */
  row: number;
  field: string;
  code: string;
  message: string;
  kind?: string;
}

/** `GET /api/imports/:id`: where an import stands. */
export interface ImportStatus {
  importId: string;
  kind: string;
  status: ImportPhase;
  total: number;
  done: number;
  created: number;
  changed: number;
  unchanged: number;
  errors: ImportRowError[];
  startedAt?: string;
  finishedAt?: string;
}
