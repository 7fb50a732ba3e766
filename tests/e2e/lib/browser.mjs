// Debian's Chromium driven by npm playwright-core (no browser download), and axe-core checks.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_DIR } from './server.mjs';

// playwright-core and axe-core are dev dependencies of web/ (one npm install for both).
const require = createRequire(join(SOURCE_DIR, 'web', 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.VISITD_CHROMIUM || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  });
}

/**
 * A context whose pages fail the test on page errors and CSP violations (the server's strict
 * policy must hold for the real app, so the test does not bypass it).
 */
export async function newContext(browser, options) {
  const ctx = await browser.newContext(options);
  ctx.problems = [];
  ctx.on('page', (page) => watch(ctx, page));
  ctx.setDefaultTimeout(15000);
  return ctx;
}

function watch(ctx, page) {
  page.on('pageerror', (e) => ctx.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) ctx.problems.push(`CSP: ${m.text()}`);
  });
}

/** axe-core (WCAG 2 A and AA) on the current page; returns serious/critical violations. */
export async function axeViolations(page) {
  // evaluate() runs outside the page's CSP, unlike an injected <script>.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
