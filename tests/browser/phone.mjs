// A reader on a 360x640 phone whose browser prefers Arabic: lands in Arabic, right to left, no
// sideways scrolling, quick exit first in tab order; switches to Portuguese; downloads a leaflet.
// Usage: node phone.mjs BASE_URL EXIT_URL OUT_DIR
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const [base, exitUrl, outDir] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'farol-chromium-'));
const step = (name) => console.log(`browser: ${name}`);

const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 360, height: 640 },
  isMobile: true,
  hasTouch: true,
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

try {
  const page = context.pages()[0] ?? await context.newPage();
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url()); });

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

  step('quick exit is the first focusable element');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'exit');

  step('switch to Portuguese through the switcher');
  await page.click('nav.langs a[hreflang="pt-BR"]');
  assert.match(new URL(page.url()).pathname, /^\/pt-BR\/c\//);
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

  step('without JavaScript the quick exit is still a plain link');
  const nojs = await context.newPage();
  await nojs.route('**/*.js', (route) => route.abort());
  await nojs.goto(base + '/fr/');
  await nojs.click('#exit');
  await nojs.waitForURL(exitUrl);
  console.log('browser: all checks passed');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
