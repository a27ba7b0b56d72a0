/** One field's problem, as the API's problem details list them. */
export interface FieldIssue {
  field: string;
  message: string;
  code: string;
}

/** The request is well-formed but some fields break the rules (unknown references, cycles...). */
export class FieldValidationError extends Error {
  override readonly name = 'FieldValidationError';
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(message);
  }
}

/** Who is asking may not do this; says what was refused, never what exists. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  readonly code = 'forbidden';
}

/** No credentials, or credentials that do not hold (expired, revoked, wrong). */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  readonly code: string;
  constructor(message: string, code = 'unauthenticated') {
    super(message);
    this.code = code;
  }
}

/**
 * Absent, or out of the asker's scope: the two answer the same, so that probing another
 * customer's ids tells nothing about which exist.
 */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly code = 'not_found';
  constructor(
    message: string,
    readonly resource: { kind: string; id: string },
  ) {
    super(message);
  }
}
