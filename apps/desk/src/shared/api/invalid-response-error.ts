/** A 2xx answer whose body is not what the contract says: a version skew between desk and API. */
export class InvalidResponseError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`Unexpected response (HTTP ${status}): ${reason}`);
    this.name = 'InvalidResponseError';
  }
}
