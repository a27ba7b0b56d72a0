import { ApiProblemError } from '../shared/api/api-problem-error';
import { InvalidResponseError } from '../shared/api/invalid-response-error';
import { NetworkError } from '../shared/api/network-error';
import { shouldRetry } from './create-query-client';

const problem = (status: number) =>
  new ApiProblemError({ status, type: 'about:blank', title: 't', fieldProblems: [] });

describe('shouldRetry', () => {
  it('never retries a 4xx or a contract mismatch', () => {
    for (const status of [400, 401, 404, 409, 422, 429, 499])
      expect(shouldRetry(0, problem(status))).toBe(false);
    expect(shouldRetry(0, new InvalidResponseError(200, 'token: required'))).toBe(false);
  });

  it('retries 5xx and network failures twice, then stops', () => {
    for (const error of [problem(500), problem(503), new NetworkError(new TypeError('fetch failed'))]) {
      expect([0, 1, 2].map((count) => shouldRetry(count, error))).toEqual([true, true, false]);
    }
  });
});
