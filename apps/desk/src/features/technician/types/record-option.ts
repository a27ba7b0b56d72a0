/** A master-data record as a picker offers it. */
export interface RecordOption {
  value: string;
  label: string;
}
