/** A read-model document: JSON with a string `_id`, as MongoDB stores it. */
export type ReadValue = string | number | boolean | null | ReadValue[] | { [key: string]: ReadValue };
export interface ReadDocument {
  _id: string;
  [field: string]: ReadValue | undefined;
}
