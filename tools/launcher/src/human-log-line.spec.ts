import { humanLogLine } from './human-log-line';

describe('humanLogLine', () => {
  it('shortens a JSON entry to its service, level, context and message', () => {
    const line = JSON.stringify({ level: 'info', service: 'api', context: 'Http', msg: 'Listening on 3000' });
    expect(humanLogLine(line, 'api')).toBe('api    info  Http: Listening on 3000\n');
  });

  it("follows an error with its stack, indented under the message, from Nest's stack argument or an Error", () => {
    const stack = 'RangeError: Invalid time value\n    at Date.toISOString (<anonymous>)';
    const fromNest = JSON.stringify({
      level: 'error',
      context: 'ProblemDetails',
      msg: 'POST /api/x: Internal',
      stack,
    });
    expect(humanLogLine(fromNest, 'api')).toBe(
      'api    ERROR ProblemDetails: POST /api/x: Internal\n' +
        '       RangeError: Invalid time value\n' +
        '           at Date.toISOString (<anonymous>)\n',
    );
    const fromError = JSON.stringify({
      level: 'error',
      msg: 'Job failed',
      error: { name: 'Error', stack: 'Error: boom' },
    });
    expect(humanLogLine(fromError, 'worker')).toBe('worker ERROR Job failed\n       Error: boom\n');
  });

  it('passes through what is not a JSON entry', () => {
    expect(humanLogLine('plain text', 'redis')).toBe('redis  plain text\n');
    expect(humanLogLine('42', 'redis')).toBe('redis  42\n');
  });
});
