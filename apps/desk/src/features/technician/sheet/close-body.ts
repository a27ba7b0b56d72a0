import type { CloseBody } from '@fieldstream/api-contract';
import type { CloseDraft } from '../types/close-draft';
import type { CloseProblem } from '../types/close-problem';

export type CloseBodyResult =
  | { ok: true; body: CloseBody }
  | {
      ok: false;
      /** Keyed by the body's own paths (`materials.0.quantity`), as the API names its field errors. */
      problems: Record<string, CloseProblem>;
    };

// The wire contract's limits (closeBodySchema): checked here so nothing is sent in vain.
const MAX_MINUTES = 100_000;
const MAX_KM = 100_000;
const MAX_QUANTITY = 1_000_000;
const MAX_MATERIALS = 200;
const MAX_ACTIONS = 50;
const MAX_ACTION_LENGTH = 500;
const MAX_RESOLUTION_LENGTH = 4000;

/** Italian keyboards type decimal commas: "2,5" is two and a half. */
function parseNumber(text: string): number {
  return Number(text.trim().replace(',', '.'));
}

type NumberRule = { whole: boolean; positive: boolean; max: number };

function readNumber(text: string, rule: NumberRule): number | CloseProblem {
  if (text.trim() === '') return 'required';
  const value = parseNumber(text);
  if (!Number.isFinite(value)) return 'notANumber';
  if (rule.positive ? value <= 0 : value < 0) return rule.positive ? 'notPositive' : 'negative';
  if (rule.whole && !Number.isInteger(value)) return 'notWholeMinutes';
  if (value > rule.max) return 'tooBig';
  return value;
}

const MINUTES: NumberRule = { whole: true, positive: false, max: MAX_MINUTES };

/** The actions done: the ticked checklist in its order, then the other lines typed, each once. */
export function correctiveActionsOf(draft: Pick<CloseDraft, 'correctiveActions' | 'otherActions'>): string[] {
  const typed = draft.otherActions
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return [...new Set([...draft.correctiveActions, ...typed])];
}

/**
 * The body of `POST …/close`, or what is missing or wrong, field by field (the same paths the
 * API's 400 answer uses), so the form shows both the same way.
 */
export function closeBody(draft: CloseDraft): CloseBodyResult {
  const problems: Record<string, CloseProblem> = {};
  const numbers: Partial<Record<'labourMinutes' | 'travelMinutes' | 'travelKm', number>> = {};
  for (const [field, rule] of [
    ['labourMinutes', MINUTES],
    ['travelMinutes', MINUTES],
    ['travelKm', { whole: false, positive: false, max: MAX_KM }],
  ] as const) {
    const value = readNumber(draft[field], rule);
    if (typeof value === 'number') numbers[field] = value;
    else problems[field] = value;
  }

  const materials: CloseBody['materials'] = [];
  if (draft.materials.length > MAX_MATERIALS) problems['materials'] = 'tooMany';
  draft.materials.forEach((line, index) => {
    const itemCode = line.itemCode.trim();
    const warehouseCode = line.warehouseCode.trim();
    const quantity = readNumber(line.quantity, { whole: false, positive: true, max: MAX_QUANTITY });
    if (!itemCode) problems[`materials.${index}.itemCode`] = 'required';
    if (typeof quantity !== 'number') problems[`materials.${index}.quantity`] = quantity;
    if (!warehouseCode) problems[`materials.${index}.warehouseCode`] = 'required';
    if (itemCode && warehouseCode && typeof quantity === 'number') {
      materials.push({ itemCode, quantity, warehouseCode });
    }
  });

  const correctiveActions = correctiveActionsOf(draft);
  if (correctiveActions.length > MAX_ACTIONS) problems['correctiveActions'] = 'tooMany';
  if (correctiveActions.some((action) => action.length > MAX_ACTION_LENGTH))
    problems['otherActions'] = 'tooLong';

  const resolution = draft.resolution.trim();
  if (!resolution) problems['resolution'] = 'required';
  else if (resolution.length > MAX_RESOLUTION_LENGTH) problems['resolution'] = 'tooLong';

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      labourMinutes: numbers.labourMinutes ?? 0,
      travelMinutes: numbers.travelMinutes ?? 0,
      travelKm: numbers.travelKm ?? 0,
      materials,
      correctiveActions,
      resolution,
    },
  };
}
