import type { ImportPhase } from './import-status';

const FINAL: ReadonlySet<ImportPhase> = new Set(['validated', 'committed', 'rejected', 'failed']);

/** Once final, an import's status never changes again: polling stops. */
export function isFinalPhase(phase: ImportPhase): boolean {
  return FINAL.has(phase);
}
