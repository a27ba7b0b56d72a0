/** A master-data record offered in a picker: its code and how it reads. */
export interface RecordOption {
  value: string;
  label: string;
}
