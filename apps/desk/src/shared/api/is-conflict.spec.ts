import { ApiProblemError } from './api-problem-error';
import { isConflict } from './is-conflict';
import { NetworkError } from './network-error';

const problem = (status: number) =>
  new ApiProblemError({ status, type: 'about:blank', title: 'Problem', fieldProblems: [] });

describe('isConflict', () => {
  it('is a 409 or a 412, nothing else', () => {
    expect(isConflict(problem(409))).toBe(true);
    expect(isConflict(problem(412))).toBe(true);
    expect(isConflict(problem(400))).toBe(false);
    expect(isConflict(problem(503))).toBe(false);
    expect(isConflict(new NetworkError(new Error('offline')))).toBe(false);
    expect(isConflict(new Error('x'))).toBe(false);
  });
});
