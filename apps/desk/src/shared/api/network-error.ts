/** The request never got an HTTP answer: offline, DNS, refused connection, CORS, or aborted. */
export class NetworkError extends Error {
  constructor(override readonly cause: unknown) {
    super(`Network request failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'NetworkError';
  }
}
