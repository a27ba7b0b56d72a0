/** A kind the signed-in user may write, as `GET /api/master-data` lists it. */
export interface ImportableKind {
  kind: string;
  plural: string;
}
