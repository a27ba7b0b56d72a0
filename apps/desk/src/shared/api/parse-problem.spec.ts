import { parseProblem } from './parse-problem';

describe('parseProblem', () => {
  it('reads RFC 9457 members and its `errors` extension with JSON pointers', () => {
    expect(
      parseProblem(422, 'Unprocessable Entity', {
        type: 'https://fieldstream.dev/problems/validation',
        title: 'Invalid request',
        status: 422,
        detail: 'Two fields are invalid',
        instance: '/api/auth/login#req-7',
        errors: [
          { pointer: '#/username', detail: 'too short', code: 'too_small' },
          { pointer: '/address/city', detail: 'required' },
        ],
      }),
    ).toEqual({
      status: 422,
      type: 'https://fieldstream.dev/problems/validation',
      title: 'Invalid request',
      detail: 'Two fields are invalid',
      instance: '/api/auth/login#req-7',
      fieldProblems: [
        { field: 'username', detail: 'too short', code: 'too_small' },
        { field: 'address', detail: 'required' },
      ],
    });
  });

  it('understands `invalidParams` with names and zod-style paths', () => {
    expect(
      parseProblem(400, 'Bad Request', {
        title: 'Bad',
        invalidParams: [
          { name: 'password', reason: 'x', message: 'too long' },
          { path: ['username'], message: 'required' },
          { detail: 'no location, ignored' },
        ],
      }).fieldProblems,
    ).toEqual([
      { field: 'password', detail: 'too long' },
      { field: 'username', detail: 'required' },
    ]);
  });

  it('falls back to the status line for a body that is not a problem', () => {
    expect(parseProblem(502, 'Bad Gateway', '<html>proxy error</html>')).toEqual({
      status: 502,
      type: 'about:blank',
      title: 'Bad Gateway',
      fieldProblems: [],
    });
    expect(parseProblem(500, '', undefined).title).toBe('HTTP 500');
  });

  it("reads the API's own field errors (`field` dotted path, `message`, `code`)", () => {
    const body = {
      type: '/problems/validation',
      title: 'Invalid request',
      status: 400,
      instance: '/api/auth/login',
      errors: [
        {
          field: 'username',
          message: 'Too small: expected string to have >=1 characters',
          code: 'too_small',
        },
        { field: 'lines.2.quantity', message: 'Too big', code: 'too_big' },
        { field: '', message: 'Body must be an object', code: 'invalid_type' },
      ],
    };
    expect(parseProblem(400, 'Bad Request', body).fieldProblems).toEqual([
      { field: 'username', detail: 'Too small: expected string to have >=1 characters', code: 'too_small' },
      { field: 'lines', detail: 'Too big', code: 'too_big' },
    ]);
  });
});
