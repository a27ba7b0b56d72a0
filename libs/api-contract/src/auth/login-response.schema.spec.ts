import { loginResponseSchema } from './login-response.schema';

describe('loginResponseSchema', () => {
  it('accepts a token and rejects an empty or missing one', () => {
    expect(loginResponseSchema.parse({ token: 'abc' })).toEqual({ token: 'abc' });
    expect(loginResponseSchema.safeParse({ token: '' }).success).toBe(false);
    expect(loginResponseSchema.safeParse({}).success).toBe(false);
  });
});
