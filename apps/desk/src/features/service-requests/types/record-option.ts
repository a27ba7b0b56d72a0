/** A master-data record offered in a picker: its code, how it reads, and the record itself. */
export interface RecordOption {
  value: string;
  label: string;
  record: Record<string, unknown>;
}
