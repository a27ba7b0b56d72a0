import { ApiProblemError } from '../../../shared/api/api-problem-error';

export interface Shortage {
  available: number;
  requested: number;
}

/** The API's 422 `insufficient_stock` refusal, read into numbers the form can say in words. */
export function shortageOf(error: unknown): Shortage | undefined {
  if (!(error instanceof ApiProblemError) || error.status !== 422) return undefined;
  const body = error.body as { code?: unknown; details?: { available?: unknown; requested?: unknown } };
  if (body?.code !== 'insufficient_stock') return undefined;
  const { available, requested } = body.details ?? {};
  if (typeof available !== 'number' || typeof requested !== 'number') return undefined;
  return { available, requested };
}
