// axe-core run inside a page. The context must be opened with bypassCSP: Farol's CSP rightly blocks
// an injected script, and a test must never loosen the CSP to get one in.
import { createRequire } from 'node:module';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Opens url, checks that `shows` (a selector) is on the page, runs every axe rule that is on by
// default (WCAG A/AA and best practices) and returns the HTTP status and the violations as
// "rule (impact): selector, selector" lines.
export async function axeViolations(context, url, shows) {
  const page = await context.newPage();
  try {
    const response = await page.goto(url);
    if (await page.locator(shows).count() === 0) throw new Error(`${url}: nothing matches ${shows}`);
    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({
        id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })));
    return {
      status: response.status(),
      lines: violations.map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`),
    };
  } finally {
    await page.close();
  }
}
