import { shortProblem } from './feed-wording';

describe('shortProblem', () => {
  it('keeps a short first line as it is', () => {
    expect(shortProblem('  The boiler does not start.\nError E04 on the display.')).toBe(
      'The boiler does not start.',
    );
  });

  it('cuts a long line at a word, with an ellipsis', () => {
    expect(
      shortProblem('The boiler in the basement does not start and the display shows error E04 since Monday'),
    ).toBe('The boiler in the basement does not start and the display…');
  });

  it('cuts a line without spaces where it must', () => {
    expect(shortProblem('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
