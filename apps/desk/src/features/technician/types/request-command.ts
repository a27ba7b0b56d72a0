/** One command on a request, as a form submits it. */
export interface RequestCommand {
  /** Where to POST it (technicianPaths). */
  path: string;
  body: Record<string, unknown>;
  /** The request's version the user was looking at: sent as `If-Match`. */
  version: number;
}
