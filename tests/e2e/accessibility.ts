import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

function describe(violation: Result): string {
  const targets = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replaceAll('\n', ' ') ?? ''}`)
    .join('\n');
  return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n${targets}`;
}

/**
 * Runs axe-core on what the page shows now and fails on any serious or critical finding
 * (the project's bar: WCAG 2.2 AA with 0 serious or critical), listing each one.
 */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (serious.length > 0) {
    const report = serious.map(describe).join('\n');
    console.error(`axe found ${serious.length} serious or critical problem(s) on "${screen}":\n${report}`);
    throw new Error(`Accessibility: ${serious.length} serious or critical problem(s) on "${screen}":\n${report}`);
  }
}
