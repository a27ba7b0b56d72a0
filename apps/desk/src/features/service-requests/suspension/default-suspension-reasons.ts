/**
 * The organisation's suspension reasons when its parameters say none, as the domain's
 * `DEFAULT_SUSPENSION_REASONS` lists them (a spec keeps the two equal). Copied rather than imported:
 * importing from the domain would pull its calendar maths (a megabyte) into the request's screen.
 */
export const DEFAULT_SUSPENSION_REASONS: readonly { code: string; label: string }[] = [
  { code: 'waiting-customer', label: 'Waiting for the customer' },
  { code: 'waiting-parts', label: 'Waiting for parts' },
  { code: 'no-access', label: 'No access to the site' },
  { code: 'other', label: 'Other' },
];

/** The code of the one parameters record. */
export const PARAMETERS_CODE = 'organisation';
