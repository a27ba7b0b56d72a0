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
 * A violation axe reports in markup we do not write, judged harmless by a named check: only nodes
 * inside `within` are let through, for that rule only, and the reason is part of the test.
 */
export interface KnownThirdPartyViolation {
  rule: string;
  /** A CSS selector of the third-party widget's container. */
  within: string;
  reason: string;
}

/**
 * Injects axe-core into the page as it is now and runs the WCAG 2.x A/AA rules plus best
 * practices. Returns every violation; throws, listing them, when any is serious or critical
 * (except nodes of a `known` third-party violation, which are returned but do not block).
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  label: string,
  known: readonly KnownThirdPartyViolation[] = [],
): Promise<Result[]> {
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
  // Which reported nodes lie inside a known third-party widget, for that rule.
  const insideKnown = await page.evaluate(
    ({ violations, known }) =>
      violations.map(({ id, targets }) =>
        targets.map((target) => {
          const element = document.querySelector(target);
          return known.some((entry) => entry.rule === id && element?.closest(entry.within) != null);
        }),
      ),
    {
      violations: results.violations.map((violation) => ({
        id: violation.id,
        targets: violation.nodes.map((node) => String(node.target[node.target.length - 1])),
      })),
      known: known.map(({ rule, within }) => ({ rule, within })),
    },
  );
  const blocking = results.violations
    .map((violation, index) => ({
      ...violation,
      nodes: violation.nodes.filter((_, nodeIndex) => !insideKnown[index]?.[nodeIndex]),
    }))
    .filter((violation) => violation.nodes.length > 0 && BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    const report = formatViolations(blocking);
    // Printed as well as thrown: jest truncates long messages, the log keeps them whole.
    console.error(`axe found serious/critical violations on ${label}:\n${report}`);
    throw new Error(`axe: ${blocking.length} serious/critical violation(s) on ${label}:\n${report}`);
  }
  return results.violations;
}
