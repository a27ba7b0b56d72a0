import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import {
  type InterventionExportRunEvent,
  type InterventionExportRunsCommand,
  interventionExportRunsDecider,
  parseExportRunId,
} from './intervention-export-runs.decider';

const spec = deciderSpecification(interventionExportRunsDecider);

const run = (
  afterPosition: number,
  throughPosition: number,
  counts: Partial<InterventionExportRunsCommand> = {},
): InterventionExportRunsCommand => ({
  type: 'recordRun',
  consumer: 'erp',
  at: '2026-12-01T08:00:00.000Z',
  afterPosition,
  throughPosition,
  interventions: 3,
  materialLines: 4,
  superseding: 1,
  hasMore: false,
  format: 'csv',
  lines: 'interventions',
  ...counts,
});

const recorded = (sequence: number, command: InterventionExportRunsCommand): InterventionExportRunEvent => {
  const { type: _type, ...data } = command;
  return { type: 'InterventionExportRunRecorded', data: { ...data, runId: `erp-${sequence}`, sequence } };
};

describe('the export runs of one consumer', () => {
  it('numbers the runs, each starting where the previous one ended', () => {
    spec
      .given([])
      .when(run(0, 120))
      .then([recorded(1, run(0, 120))]);
    spec
      .given([recorded(1, run(0, 120))])
      .when(run(120, 180, { interventions: 1, materialLines: 0, superseding: 0 }))
      .then([recorded(2, run(120, 180, { interventions: 1, materialLines: 0, superseding: 0 }))]);
  });

  it('refuses a run whose range was worked out before another run was recorded, naming that run', () => {
    spec
      .given([recorded(1, run(0, 120))])
      .when(run(0, 150))
      .thenThrows(
        DomainError,
        (error) =>
          error.code === 'export_run_overlap' &&
          error.details['lastRunId'] === 'erp-1' &&
          error.details['throughPosition'] === 120 &&
          error.message.includes('erp-1'),
      );
    spec
      .given([])
      .when(run(40, 150))
      .thenThrows(DomainError, (error) => error.code === 'export_run_overlap');
  });

  it('records nothing when nothing new was exported', () => {
    spec
      .given([recorded(1, run(0, 120))])
      .when(run(120, 120, { interventions: 0, materialLines: 0, superseding: 0 }))
      .thenNothingHappens();
  });

  it('refuses a range going backwards, negative counts and a consumer that cannot name a stream', () => {
    spec
      .given([])
      .when(run(0, 0, { throughPosition: -1 }))
      .thenThrows(DomainError, (error) => error.code === 'invalid_run');
    spec
      .given([])
      .when(run(0, 10, { superseding: 4 }))
      .thenThrows(DomainError, (error) => error.code === 'invalid_run');
    spec
      .given([])
      .when(run(0, 10, { consumer: 'ERP/prod' }))
      .thenThrows(DomainError, (error) => error.code === 'invalid_consumer');
  });

  it('reads a run id back into its consumer and sequence, dashes in the consumer included', () => {
    expect(parseExportRunId('erp-3')).toEqual({ consumer: 'erp', sequence: 3 });
    expect(parseExportRunId('stock-sync-2-14')).toEqual({ consumer: 'stock-sync-2', sequence: 14 });
    expect(parseExportRunId('erp-0')).toBeUndefined();
    expect(parseExportRunId('erp')).toBeUndefined();
    expect(parseExportRunId('ERP-1')).toBeUndefined();
  });
});
