import type { Viewer } from '../types/viewer';

/** Who the API takes meter readings from, of those who open a sheet: managers and auditors only read. */
const READING_ROLES: ReadonlySet<Viewer['role']> = new Set(['technician', 'admin', 'dispatcher']);

/** Whether the sheet offers to record a meter reading of the request's asset. */
export function mayRecordMeterReading(viewer: Viewer): boolean {
  return READING_ROLES.has(viewer.role);
}
