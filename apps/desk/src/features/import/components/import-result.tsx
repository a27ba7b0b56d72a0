import type { ImportStatus } from '../types/import-status';
import { isFinalPhase } from '../types/is-final-phase';
import { ImportCounts } from './import-counts';
import { ImportProgress } from './import-progress';
import { ImportRejectionReport } from './import-rejection-report';

/** Progress while the import runs, then its outcome. */
export function ImportResult({ status }: { status: ImportStatus }) {
  if (!isFinalPhase(status.status)) return <ImportProgress status={status} />;
  if (status.status === 'rejected' || status.status === 'failed')
    return <ImportRejectionReport status={status} />;
  return <ImportCounts status={status} />;
}
