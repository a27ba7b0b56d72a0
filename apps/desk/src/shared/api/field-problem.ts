/** One field-level complaint from the server, with the field named by its top-level property. */
export interface FieldProblem {
  field: string;
  detail: string;
  code?: string;
}
