import { loginRequestSchema, PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from './login-request.schema';

function issues(input: unknown) {
  const result = loginRequestSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }));
}

describe('loginRequestSchema', () => {
  it('accepts a username and password and trims the username', () => {
    expect(loginRequestSchema.parse({ username: '  anna ', password: ' secret ' })).toEqual({
      username: 'anna',
      password: ' secret ',
    });
  });

  it('names each empty field with a too_small code', () => {
    expect(issues({ username: '   ', password: '' })).toEqual([
      { path: 'username', code: 'too_small' },
      { path: 'password', code: 'too_small' },
    ]);
  });

  it('names missing fields and wrong types', () => {
    expect(issues({ password: 42 })).toEqual([
      { path: 'username', code: 'invalid_type' },
      { path: 'password', code: 'invalid_type' },
    ]);
  });

  it('rejects over-long values', () => {
    expect(
      issues({
        username: 'u'.repeat(USERNAME_MAX_LENGTH + 1),
        password: 'p'.repeat(PASSWORD_MAX_LENGTH + 1),
      }),
    ).toEqual([
      { path: 'username', code: 'too_big' },
      { path: 'password', code: 'too_big' },
    ]);
  });
});
