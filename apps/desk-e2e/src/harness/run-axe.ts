import { source as axeSource } from 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export function formatViolations(violations: Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
        )
        .join('\n');
      return `  [${violation.impact}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Injects axe-core into the page as it is now and runs the WCAG 2.x A/AA rules plus best
 * practices. Returns every violation; throws, listing them, when any is serious or critical.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<Result[]> {
  const alreadyLoaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!alreadyLoaded) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
    ).axe;
    return axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
  });
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    const report = formatViolations(blocking);
    // Printed as well as thrown: jest truncates long messages, the log keeps them whole.
    console.error(`axe found serious/critical violations on ${label}:\n${report}`);
    throw new Error(`axe: ${blocking.length} serious/critical violation(s) on ${label}:\n${report}`);
  }
  return results.violations;
}
