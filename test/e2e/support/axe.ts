import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { AxeResults, ContextObject, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';

import { RESULTS_DIR } from './browser';

/** axe-core's browser build, evaluated in the page (a script tag would meet the admin's CSP). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** What fails a page: axe's two highest impacts. */
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

/**
 * What is checked: the page's main content (each CRM page renders in Strapi's `<main>`), and any
 * open dialog or popover, which the design system renders in a portal outside it. Strapi's own
 * shell (the left menu, the header bar) is not the plugin's to fix.
 */
export const PLUGIN_CONTENT = [
  'main',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="listbox"]',
  '[role="menu"]',
];

/**
 * Strapi's own inputs that are never labelled, whatever the field: the content manager's JSON
 * editor (a CodeMirror text box its field label is not tied to). Left out of every check, like
 * Strapi's shell.
 */
const STRAPI_UNLABELLED_INPUTS = ['.cm-content'];

export interface AccessibilityOptions {
  /** CSS selectors to check (those matching nothing are skipped); the plugin's content by default. */
  include?: readonly string[];
  /** CSS selectors to leave out. */
  exclude?: readonly string[];
  /**
   * CSS selectors of elements the check must cover, such as the CRM's side panels in Strapi's
   * content manager: each must be on the page, inside one of the checked selectors, and outside
   * the excluded ones, or the check fails rather than pass without them.
   */
  covers?: readonly string[];
}

const describeViolation = (violation: Result) =>
  [
    `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.slice(0, 8).map((node) => {
      const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ');
      return `    at ${node.target.join(' > ')}\n       ${node.html.slice(0, 200)}\n       ${summary}`;
    }),
    ...(violation.nodes.length > 8 ? [`    …and ${violation.nodes.length - 8} more`] : []),
  ].join('\n');

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, listing
 * each rule with the elements that break it. The full results are kept in
 * test-results/axe-<name>.json. Moderate and minor findings are left to that file.
 * E2E_AXE_REPORT_ONLY=true only warns, to survey a whole run.
 */
export const expectAccessible = async (
  page: Page,
  name: string,
  { include = PLUGIN_CONTENT, exclude = [], covers = [] }: AccessibilityOptions = {}
): Promise<AxeResults> => {
  // Let the page settle: pending requests come back, and the pointer leaves the button it last
  // clicked (a hovered button is drawn in its lighter hover colours).
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    async ({ include, exclude, covers }) => {
      interface Node {
        closest(selector: string): unknown;
      }
      const dom = globalThis as unknown as {
        document: { querySelector(selector: string): Node | null };
        axe: { run(context: ContextObject, options: object): Promise<AxeResults> };
      };
      const uncovered = covers.filter((selector) => {
        const element = dom.document.querySelector(selector);
        return (
          !element ||
          !include.some((scope) => element.closest(scope)) ||
          exclude.some((scope) => element.closest(scope))
        );
      });
      if (uncovered.length > 0)
        throw new Error(`not within the accessibility check: ${uncovered.join(', ')}`);
      const present = include.filter((selector) => dom.document.querySelector(selector));
      const context: ContextObject = {
        include: present.length > 0 ? present.map((selector) => [selector]) : [['body']],
        exclude: exclude
          .filter((selector) => dom.document.querySelector(selector))
          .map((selector) => [selector]),
      };
      const run = await dom.axe.run(context, { resultTypes: ['violations'] });
      // The JSON results only: the elements themselves do not cross to the test.
      return JSON.parse(JSON.stringify(run)) as AxeResults;
    },
    {
      include: [...include],
      exclude: [...exclude, ...STRAPI_UNLABELLED_INPUTS],
      covers: [...covers],
    }
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    join(RESULTS_DIR, `axe-${name}.json`),
    `${JSON.stringify({ url: results.url, violations: results.violations }, null, 2)}\n`
  );
  const failing = results.violations.filter(
    (violation) => violation.impact && FAILING.includes(violation.impact)
  );
  if (failing.length > 0 && process.env.E2E_AXE_REPORT_ONLY === 'true')
    console.warn(`axe: ${failing.length} serious or critical violation(s) on "${name}"`);
  else if (failing.length > 0)
    throw new Error(
      `${failing.length} serious or critical accessibility violation(s) on "${name}" (${page.url()}):\n` +
        failing.map(describeViolation).join('\n')
    );
  return results;
};
