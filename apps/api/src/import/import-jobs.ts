import { randomUUID } from 'node:crypto';
import {
  type CommandContext,
  type ImportInput,
  type ImportIssue,
  type ImportPhase,
  ImportService,
  type ImportStatus,
  NotFoundError,
} from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Injectable, Logger } from '@nestjs/common';

/** What `GET /api/imports/:importId` answers while an import runs and after it ends. */
export interface ImportJobView {
  importId: string;
  /** The plural of a one-kind file; null for a multi-kind document. */
  kind: string | null;
  kinds: string[];
  fileName: string | null;
  dryRun: boolean;
  status: Exclude<ImportPhase, 'done'> | ImportStatus;
  total: number;
  done: number;
  created: number;
  changed: number;
  unchanged: number;
  errors: ImportIssue[];
  failure?: string;
  startedAt: string;
  finishedAt: string | null;
  sha256: string | null;
}

interface ImportJob {
  view: ImportJobView;
  startedBy: string;
}

/** Finished jobs kept in memory; the import's stream keeps the audit for good. */
const KEEP_FINISHED = 500;

/**
 * Imports accepted by this API process: each runs in the background while the client polls it.
 * The state lives in memory for the process's life; what was imported lives in the events.
 */
@Injectable()
export class ImportJobs {
  private readonly logger = new Logger('Import');
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly imports: ImportService) {}

  /** Checks the caller may import these kinds, then starts the import and answers its id at once. */
  start(context: CommandContext, input: ImportInput, plurals: readonly string[], dryRun: boolean): string {
    this.imports.assertMayImport(context.actor, plurals);
    const importId = randomUUID();
    const view: ImportJobView = {
      importId,
      kind: input.kind ?? null,
      kinds: [...plurals],
      fileName: input.fileName ?? null,
      dryRun,
      status: 'parsing',
      total: 0,
      done: 0,
      created: 0,
      changed: 0,
      unchanged: 0,
      errors: [],
      startedAt: new Date().toISOString(),
      finishedAt: null,
      sha256: null,
    };
    this.jobs.set(importId, { view, startedBy: context.actor.id });
    this.forgetOld();
    void this.imports
      .run(context, input, {
        importId,
        dryRun,
        onProgress: (progress) => {
          if (progress.phase !== 'done') view.status = progress.phase;
          view.total = progress.total;
          view.done = progress.done;
        },
      })
      .then(
        (result) => {
          Object.assign(view, {
            status: result.status,
            total: result.total,
            done: result.total,
            created: result.created,
            changed: result.changed,
            unchanged: result.unchanged,
            errors: result.errors,
            sha256: result.sha256,
            finishedAt: result.finishedAt,
            ...(result.failure ? { failure: result.failure } : {}),
          });
        },
        (error: unknown) => {
          this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
          Object.assign(view, {
            status: 'failed',
            failure: error instanceof Error ? error.message : String(error),
            finishedAt: new Date().toISOString(),
          });
        },
      );
    return importId;
  }

  /** Whoever started it, admins and auditors; to anyone else it does not exist. */
  get(principal: Principal, importId: string): ImportJobView {
    const job = this.jobs.get(importId);
    const allowed =
      job && (job.startedBy === principal.id || principal.role === 'admin' || principal.role === 'auditor');
    if (!job || !allowed)
      throw new NotFoundError(`There is no import ${importId}`, { kind: 'import', id: importId });
    return job.view;
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((job) => job.view.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.view.importId);
  }
}
