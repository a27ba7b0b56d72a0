/**
 * A request's short reference as the API forms it (`SR-` and the id's first eight characters, in
 * capitals), for requests the desk knows only by id: a follow-up, an appointment in the way.
 */
export function referenceOf(requestId: string): string {
  return `SR-${requestId.slice(0, 8).toUpperCase()}`;
}
