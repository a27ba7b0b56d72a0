import { ApiProblemError } from './api-problem-error';
import { IdempotencyKeyKeeper } from './idempotency-key-keeper';
import { NetworkError } from './network-error';
import { newIdempotencyKey } from './new-idempotency-key';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const problem = (status: number) =>
  new ApiProblemError({ status, type: 'about:blank', title: 'Problem', fieldProblems: [] }, {});

describe('idempotency keys', () => {
  it('makes a new version-4 UUID each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID);
  });

  it('makes a UUID without randomUUID too (plain-HTTP pages)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(UUID);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('are kept for a retry of the same submission whose outcome is unknown, renewed otherwise', () => {
    let n = 0;
    const keeper = new IdempotencyKeyKeeper(() => `k${++n}`);
    expect(keeper.keyFor('A')).toBe('k1');
    keeper.settle(new NetworkError(new Error('offline')));
    expect(keeper.keyFor('A')).toBe('k1');
    keeper.settle(problem(503));
    expect(keeper.keyFor('A')).toBe('k1');
    // The form changed: a new submission.
    expect(keeper.keyFor('B')).toBe('k2');
    keeper.settle(problem(409));
    expect(keeper.keyFor('B')).toBe('k3');
    keeper.settle();
    expect(keeper.keyFor('B')).toBe('k4');
  });
});
