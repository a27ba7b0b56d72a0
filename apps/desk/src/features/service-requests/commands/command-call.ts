/** One HTTP call carrying a command; `If-Match` and `Idempotency-Key` are added when it is sent. */
export interface CommandCall {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
}
