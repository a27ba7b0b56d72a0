import type { MovementDraft } from '../types/movement-draft';
import { MOVEMENT_FIELDS, OPTIONAL_MOVEMENT_FIELDS, type MovementField } from './movement-fields';

export type MovementFieldProblem = 'required' | 'notANumber' | 'notPositive' | 'negative';

export type MovementBodyResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; problems: Partial<Record<MovementField, MovementFieldProblem>> };

const NUMERIC: ReadonlySet<MovementField> = new Set(['quantity', 'counted']);

/** Italian users type decimal commas: "2,5" is two and a half. */
function parseNumber(text: string): number {
  return Number(text.trim().replace(',', '.'));
}

/**
 * The POST body for the draft's type, with only the fields that type takes (the API refuses
 * others), or what is missing or malformed, field by field, so nothing is sent in vain.
 */
export function movementBody(draft: MovementDraft): MovementBodyResult {
  const body: Record<string, unknown> = { type: draft.type };
  const problems: Partial<Record<MovementField, MovementFieldProblem>> = {};
  for (const field of MOVEMENT_FIELDS[draft.type]) {
    const text = draft[field].trim();
    if (text === '') {
      if (!OPTIONAL_MOVEMENT_FIELDS.has(field)) problems[field] = 'required';
      continue;
    }
    if (NUMERIC.has(field)) {
      const value = parseNumber(text);
      if (!Number.isFinite(value)) problems[field] = 'notANumber';
      else if (field === 'quantity' && value <= 0) problems[field] = 'notPositive';
      else if (field === 'counted' && value < 0) problems[field] = 'negative';
      else body[field] = value;
      continue;
    }
    body[field] = text;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}
