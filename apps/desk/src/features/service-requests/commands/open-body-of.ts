import type { OpenServiceRequestBody } from '@fieldstream/api-contract';
import type { NewRequestDraft } from '../types/new-request-draft';

export type OpenBodyResult =
  | { ok: true; body: OpenServiceRequestBody }
  | {
      ok: false;
      /** By the body path the API would name (`contact.name`), so both show beside the same field. */
      problems: Record<string, 'required'>;
    };

const trimmed = (value: string) => (value.trim() === '' ? undefined : value.trim());

/**
 * The opening's body from the form: what is required is checked here (the API checks again), and
 * empty optional fields are left out rather than sent empty.
 */
export function openBodyOf(draft: NewRequestDraft): OpenBodyResult {
  const problems: Record<string, 'required'> = {};
  if (!draft.customerCode) problems['customerCode'] = 'required';
  if (!draft.siteCode) problems['siteCode'] = 'required';
  if (!trimmed(draft.description)) problems['description'] = 'required';
  const phone = trimmed(draft.contactPhone);
  const email = trimmed(draft.contactEmail);
  const name = trimmed(draft.contactName);
  // A phone number with nobody to ask for is no contact.
  if (!name && (phone || email)) problems['contact.name'] = 'required';
  if (Object.keys(problems).length > 0 || !draft.customerCode || !draft.siteCode)
    return { ok: false, problems };
  const externalReference = trimmed(draft.externalReference);
  return {
    ok: true,
    body: {
      customerCode: draft.customerCode,
      siteCode: draft.siteCode,
      ...(draft.assetCode ? { assetCode: draft.assetCode } : {}),
      description: draft.description.trim(),
      priority: draft.priority,
      conditionCodes: draft.conditionCodes,
      ...(name ? { contact: { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) } } : {}),
      ...(externalReference ? { externalReference } : {}),
    },
  };
}
