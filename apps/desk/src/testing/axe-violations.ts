import { act } from '@testing-library/react';
import axe from 'axe-core';

/**
 * What axe finds in `element` under WCAG 2.2 AA and best practice, as `id: help` lines (an empty
 * list is a pass). Colour contrast is left to the browser tests: jsdom renders no colour. Run
 * inside act, so that an answer arriving while axe looks renders in it.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await act(() =>
    axe.run(element, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      rules: { 'color-contrast': { enabled: false } },
      resultTypes: ['violations'],
    }),
  );
  return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
}
