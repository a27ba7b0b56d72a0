/** One technician's row of the assign dialog, as typed. */
export interface AssignmentRowDraft {
  /** Stable React key: rows may be removed from the middle. */
  key: string;
  technicianCode: string | null;
  /** An `<input type="datetime-local">` value, on the browser's clock. */
  start: string;
  durationMinutes: number | string;
}
