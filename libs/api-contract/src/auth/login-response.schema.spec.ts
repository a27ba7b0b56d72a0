import { loginResponseSchema } from './login-response.schema';

const user = {
  id: 'u1',
  username: 'anna',
  displayName: 'Anna',
  role: 'dispatcher',
  binding: { unitCode: 'MI' },
  language: 'it',
};

describe('loginResponseSchema', () => {
  it('accepts a token with its expiry and user, and rejects an empty token or an unknown role', () => {
    const answer = { token: 'abc', expiresAt: '2026-11-26T18:00:00.000Z', user };
    expect(loginResponseSchema.parse(answer)).toEqual(answer);
    expect(loginResponseSchema.safeParse({ ...answer, token: '' }).success).toBe(false);
    expect(loginResponseSchema.safeParse({ ...answer, user: { ...user, role: 'king' } }).success).toBe(false);
    expect(loginResponseSchema.safeParse({}).success).toBe(false);
  });
});
