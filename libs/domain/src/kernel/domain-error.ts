/**
 * A command refused by the domain's rules (illegal transition, broken invariant). The API turns
 * it into a 4xx problem: `code` is machine-readable, `message` says what is wrong in words a
 * dispatcher understands, `details` names the state and what would have been allowed.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
