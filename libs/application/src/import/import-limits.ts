export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  /** Streams written at the same time: enough to hide the store's latency, few enough to stay gentle. */
  writeParallelism: number;
  /** Errors kept in a report; past that the file is clearly the wrong one. */
  maxIssues: number;
}

/** Bounds that keep one import from exhausting the process; a larger onboarding splits its files. */
export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  writeParallelism: 8,
  maxIssues: 1_000,
};
