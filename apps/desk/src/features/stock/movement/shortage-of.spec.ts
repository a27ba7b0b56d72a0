import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { parseProblem } from '../../../shared/api/parse-problem';
import { shortageOf } from './shortage-of';

const problem = (status: number, body: Record<string, unknown>) =>
  new ApiProblemError(parseProblem(status, '', body), body);

describe('shortageOf', () => {
  it("reads the API's insufficient_stock refusal", () => {
    const error = problem(422, {
      status: 422,
      title: 'Unprocessable Content',
      code: 'insufficient_stock',
      details: { itemCode: 'F', warehouseCode: 'W', available: 2, requested: 5 },
    });
    expect(shortageOf(error)).toEqual({ available: 2, requested: 5 });
  });

  it('ignores other refusals and other errors', () => {
    expect(shortageOf(problem(422, { code: 'invalid_quantity', details: {} }))).toBeUndefined();
    expect(
      shortageOf(problem(400, { code: 'insufficient_stock', details: { available: 1, requested: 2 } })),
    ).toBeUndefined();
    expect(shortageOf(problem(422, { code: 'insufficient_stock' }))).toBeUndefined();
    expect(shortageOf(new Error('boom'))).toBeUndefined();
  });
});
