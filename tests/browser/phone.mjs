// A reader on a 360x640 phone whose browser prefers Arabic: lands in Arabic, right to left, no
// sideways scrolling, quick exit first in tab order; switches to Portuguese; downloads a leaflet.
// Then axe-core checks the home, a campaign, search results and a 404 page in pt-BR and ar.
// Usage: node phone.mjs BASE_URL EXIT_URL OUT_DIR
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { axeViolations } from './axe.mjs';

const [base, exitUrl, outDir] = process.argv.slice(2);
const step = (name) => console.log(`browser: ${name}`);

// launch() gives every run a fresh temporary profile.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const phone = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
const context = await browser.newContext({
  ...phone,
  locale: 'ar',
  extraHTTPHeaders: { 'Accept-Language': 'ar' },
  acceptDownloads: true,
});
context.setDefaultTimeout(10000);

async function noSideways(page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `page scrolls sideways: ${scroll} > ${width}`);
}

async function inView(page, selector) {
  const box = await page.locator(selector).boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 360 && box.height > 0,
    `${selector} is not on screen: ${JSON.stringify(box)}`);
}

try {
  const page = context.pages()[0] ?? await context.newPage();
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url()); });
  // A missing icon or stylesheet shows up as a failed request and a console error (Lighthouse counts both).
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error') failed.push(`console: ${m.text()}`); });

  step('open / with Accept-Language ar');
  await page.goto(base + '/');
  assert.equal(new URL(page.url()).pathname, '/ar/');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  await noSideways(page);
  await page.screenshot({ path: join(outDir, 'home-ar.png'), fullPage: true });

  step('open a campaign in Arabic');
  await page.click('article.card h3 a');
  assert.match(new URL(page.url()).pathname, /^\/ar\/c\//);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await noSideways(page);
  await page.screenshot({ path: join(outDir, 'campaign-ar.png'), fullPage: true });

  step('quick exit is the first focusable element, the skip link the second and visible');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'exit');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#main');
  await inView(page, 'a.skip');
  await noSideways(page);
  await page.keyboard.press('Enter');
  assert.equal(new URL(page.url()).hash, '#main');

  step('quick exit stays across the top of the screen after scrolling');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const exitBox = await page.locator('#exit').boundingBox();
  assert.deepEqual([exitBox.x, exitBox.y, exitBox.width], [0, 0, 360]);

  step('switch to Portuguese through the switcher');
  await Promise.all([page.waitForURL(/\/pt-BR\/c\//), page.click('nav.langs a[hreflang="pt-BR"]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'pt-BR');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  await noSideways(page);
  await page.screenshot({ path: join(outDir, 'campaign-pt-BR.png'), fullPage: true });

  step('download the leaflet');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.download')]);
  const saved = join(outDir, download.suggestedFilename());
  await download.saveAs(saved);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  assert.equal(readFileSync(saved).subarray(0, 5).toString('latin1'), '%PDF-');

  step('quick exit leaves and replaces the history entry');
  const before = await page.evaluate(() => history.length);
  const left = page.url();
  await page.click('#exit');
  await page.waitForURL(exitUrl);
  assert.equal(await page.evaluate(() => history.length), before);
  await page.goBack().catch(() => {});
  assert.notEqual(page.url(), left, 'back returned to the page the reader left');

  assert.deepEqual(outside, [], 'requests left the site');
  assert.deepEqual(failed, [], 'requests failed or the console logged errors');

  step('without JavaScript the quick exit is still a plain link');
  const nojs = await context.newPage();
  await nojs.route('**/*.js', (route) => route.abort());
  await nojs.goto(base + '/fr/');
  await nojs.click('#exit');
  await nojs.waitForURL(exitUrl);

  await accessibility();
  console.log('browser: all checks passed');
} finally {
  await browser.close();
}

// Every axe violation fails the test, in light and dark colour schemes alike.
async function accessibility() {
  const pages = [
    ['/', 200, 'article.card'],
    ['/c/reconhecer-o-trafico', 200, 'section.materials'],
    ['/search?q=', 200, 'ol.results li'],
    ['/c/no-such-campaign', 404, 'a.button'],
  ];
  const queries = { 'pt-BR': 'tráfico', ar: 'الاتجار' };
  const failures = [];
  for (const colorScheme of ['light', 'dark']) {
    const axeContext = await browser.newContext({ ...phone, colorScheme, bypassCSP: true });
    for (const lang of ['pt-BR', 'ar']) {
      for (const [path, status, shows] of pages) {
        const url = `${base}/${lang}${path}${path.endsWith('q=') ? encodeURIComponent(queries[lang]) : ''}`;
        step(`axe ${colorScheme} ${url}`);
        const result = await axeViolations(axeContext, url, shows);
        assert.equal(result.status, status, url);
        for (const line of result.lines) failures.push(`${colorScheme} ${url}: ${line}`);
      }
    }
    await axeContext.close();
  }
  for (const line of failures) console.log(`axe violation: ${line}`);
  assert.deepEqual(failures, [], 'axe-core found accessibility violations');
}
