/** Thrown before touching Redis when a scheduling request is malformed. */
export class InvalidJobRequestError extends Error {
  override readonly name = 'InvalidJobRequestError';
  readonly code = 'invalid_job_request';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,200}$/;
const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;

/** Suffix of the follow-up id used while the job under the plain id is running. */
export const FOLLOW_UP_SUFFIX = '--next';

/**
 * BullMQ refuses ':' and all-digit custom ids; the follow-up suffix is reserved. Ids are built
 * from what makes the job unique, e.g. `sla-breach.service-request-42`.
 */
export function validateJobId(id: string): void {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new InvalidJobRequestError('id must be 1-200 letters, digits, _ . or - (no ":")', 'id');
  }
  if (/^\d+$/.test(id)) throw new InvalidJobRequestError('id must not be only digits', 'id');
  if (id.endsWith(FOLLOW_UP_SUFFIX)) {
    throw new InvalidJobRequestError(`id must not end with the reserved ${FOLLOW_UP_SUFFIX}`, 'id');
  }
}

export function validateName(value: string, field: 'queue' | 'jobName'): void {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) {
    throw new InvalidJobRequestError(`${field} must be 1-100 letters, digits, _ . or -`, field);
  }
}
