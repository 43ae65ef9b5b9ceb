// A partner's own page, served from another origin on loopback, embeds Farol's widget with the
// script snippet: the card shows the slot's campaign in Spanish, grows to its content, and its link
// opens the campaign page tagged with the partner; the partner's reach then counts the impression and
// the click. The same snippet on an origin the partner did not list is refused by the browser
// (frame-ancestors) and leaves the plain link; with JavaScript off the plain link is all there is.
// Ten more phones fetch the card and follow its link; then an account of the partner's staff signs
// in and finds the exact impressions and clicks on its partner page (and a 403 for another
// partner's), with axe-core on the pages it saw.
// Usage: node partners.mjs BASE_URL OUT_DIR ALLOWED_PORT REFUSED_PORT PARTNER_USER PASSWORD
import http from 'node:http';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { openHarness } from './harness.mjs';

const [base, outDir, allowedPort, refusedPort, partnerUser, partnerPassword] = process.argv.slice(2);
assert.ok(base && outDir && allowedPort && refusedPort && partnerUser && partnerPassword,
  'usage: partners.mjs BASE_URL OUT_DIR ALLOWED_PORT REFUSED_PORT PARTNER_USER PASSWORD');
// Reach figures below metrics.k (10) show as "<10": enough readers make every figure visible.
const moreReaders = 10;
const step = (name) => console.log(`browser: ${name}`);
const phone = 'Mozilla/5.0 (Linux; Android 14; SM-A146B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

// The partner's page: its own text, the snippet the editor hands out, nothing else.
const partnerPage = `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Casa del Migrante</title><link rel="icon" href="data:,"></head>
<body><h1>Casa del Migrante</h1><p>Acogida y orientación.</p>
<div data-farol-slot="widget-default" data-partner="casa" data-lang="es"><a href="${base}/es/?src=partner:casa">Información para migrantes</a></div>
<p id="after">Horario: lunes a viernes.</p>
<script src="${base}/widget.js" async></script>
</body></html>`;

// One GET as phone number `n` (its own user-agent, so its own reader); resolves to the status.
function getAs(n, path) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname: url.hostname, port: url.port, path: url.pathname + url.search,
      headers: { 'User-Agent': `Mozilla/5.0 (Linux; Android 14; Pixel ${n}) Mobile Safari/537.36` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

function serve(port) {
  const server = http.createServer((req, res) => {
    if (req.url !== '/') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(partnerPage);
  });
  return new Promise((resolve) => server.listen(Number(port), '127.0.0.1', () => resolve(server)));
}

const servers = [await serve(allowedPort), await serve(refusedPort)];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
// Requests go to Farol or to the partner's loopback page only; no 5xx; console errors only where expected.
async function watchedContext(who, options = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, userAgent: phone, ...options });
  context.setDefaultTimeout(10000);
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1' && u.protocol !== 'data:') problems.push(`${who}: left loopback: ${r.url()}`);
  });
  context.on('response', (r) => { if (r.status() >= 500) problems.push(`${who}: ${r.status()} ${r.url()}`); });
  return context;
}

try {
  step('the partner page on an allowed origin: the card appears in Spanish');
  const reader = await watchedContext('reader');
  const consoleErrors = [];
  reader.on('page', (p) => p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`); }));
  const page = await reader.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`); });
  await page.goto(`http://127.0.0.1:${allowedPort}/`);
  const frameElement = page.locator('div[data-farol-slot] iframe');
  await frameElement.waitFor();
  assert.equal(await frameElement.getAttribute('loading'), 'lazy');
  const card = page.frameLocator('div[data-farol-slot] iframe');
  const link = card.locator('h1 a');
  await link.waitFor();
  assert.equal(await card.locator('html').getAttribute('lang'), 'es');
  const href = await link.getAttribute('href');
  const target = new URL(href);
  assert.equal(target.origin, base);
  assert.match(target.pathname, /^\/es\/c\/[a-z0-9-]+$/, href);
  assert.equal(target.search, '?src=partner:casa');
  const slug = target.pathname.split('/')[3];
  // The card names the campaign the slot shows now: the same title as the page it links to.
  const campaignPage = await (await fetch(`${base}/es/c/${slug}`)).text();
  const title = /<h1>([^<]*)<\/h1>/.exec(campaignPage)[1];
  assert.equal((await link.textContent()).trim(), title.replaceAll('&amp;', '&'));

  step('the iframe grows to its content and the fallback link steps aside');
  await page.waitForFunction(() => {
    const f = document.querySelector('div[data-farol-slot] iframe');
    return f && f.style.height !== '200px';
  });
  const contentHeight = await page.frames().find((f) => f.url().startsWith(`${base}/embed/`))
    .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const frameHeight = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - contentHeight) <= 1, `iframe ${frameHeight}px for ${contentHeight}px of card`);
  assert.equal(await page.locator('div[data-farol-slot] > a').isHidden(), true, 'the plain link is hidden once the card shows');
  assert.deepEqual(await reader.cookies(), [], 'no cookie, neither Farol\'s nor the partner\'s');
  assert.equal(await page.evaluate(() => Object.keys(window).filter((k) => /farol/i.test(k)).join()), 'Farol');
  await page.screenshot({ path: join(outDir, 'partner-widget.png'), fullPage: true });

  step('the card\'s link opens the campaign page with the partner as its source');
  const [opened] = await Promise.all([reader.waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  assert.equal(opened.url(), `${base}/es/c/${slug}?src=partner:casa`);
  assert.equal((await opened.locator('h1').textContent()).trim(), title.replaceAll('&amp;', '&'));
  assert.deepEqual(consoleErrors, [], 'no console error on the partner page, in the card or on the campaign page');
  await reader.close();

  step('the same snippet on an origin the partner did not list: the browser refuses the frame');
  const stranger = await watchedContext('stranger');
  const refusals = [];
  const other = await stranger.newPage();
  other.on('console', (m) => { if (m.type() === 'error') refusals.push(m.text()); });
  const embedStatus = [];
  other.on('response', (r) => { if (r.url().startsWith(`${base}/embed/`)) embedStatus.push(r.status()); });
  await other.goto(`http://127.0.0.1:${refusedPort}/`);
  await other.locator('div[data-farol-slot] iframe').waitFor();
  for (let i = 0; i < 40 && !refusals.some((t) => t.includes('frame-ancestors')); i++) await other.waitForTimeout(100);
  assert.ok(refusals.some((t) => t.includes('frame-ancestors')), `refused by frame-ancestors: ${refusals.join(' | ')}`);
  assert.deepEqual(embedStatus, [200], 'Farol answered; the browser refused to show it');
  const framed = other.frames().find((f) => f !== other.mainFrame());
  // Chromium puts its own error page in the refused frame (an h1 of its own): no card, no card link.
  assert.equal(await framed.locator('h1 a, a[href*="src=partner:casa"]').count(), 0, 'no card inside the refused frame');
  assert.equal(await other.locator('div[data-farol-slot] > a').isVisible(), true, 'the plain link stays');
  await stranger.close();

  step('with JavaScript off the plain link is there and leads to Farol');
  const noScript = await watchedContext('no-script', { javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`http://127.0.0.1:${allowedPort}/`);
  assert.equal(await plain.locator('iframe').count(), 0);
  const fallback = plain.locator('div[data-farol-slot] > a');
  assert.equal(await fallback.getAttribute('href'), `${base}/es/?src=partner:casa`);
  await fallback.click();
  await plain.waitForURL(`${base}/es/?src=partner:casa`);
  await noScript.close();

  step(`${moreReaders} more phones fetch the card and follow the partner's link`);
  for (let n = 0; n < moreReaders; n++) {
    assert.equal(await getAs(n, '/embed/widget-default?partner=casa&lang=es'), 200);
    assert.equal(await getAs(n, `/es/c/${slug}?src=partner:casa`), 200);
  }

  for (const line of problems) console.log(`problem: ${line}`);
  assert.deepEqual(problems, []);
  await staffSeesReach();
  step('done');
} finally {
  await browser.close();
  for (const s of servers) s.close();
}

// What counts, exactly: every card Farol served for casa is an impression: the allowed page's, the
// refused page's (Farol answered 200; the browser then refused to show it) and the ten phones'; the
// no-script page fetched no card. Every page opened through casa's link is a view with casa as its
// source and a click: the card's link, the no-script fallback link and the ten phones'. The
// campaign page fetched for its title had no ?src= and is no one's.
async function staffSeesReach() {
  const expected = { view: String(2 + moreReaders), widget_click: String(2 + moreReaders),
    widget_impression: String(2 + moreReaders) };
  const h = await openHarness(base);
  try {
    step('casa\'s staff signs in and opens Partners: only its own partner is listed');
    const staff = await h.newWatchedContext('partner staff', { viewport: { width: 1280, height: 900 } });
    const page = h.trackStatus(await staff.newPage());
    await h.firstSignIn(page, partnerUser, partnerPassword, 'harbour lantern quiet mango 42', 'Partner');
    await h.submit(page, 'nav a[href="/editor/partners"]');
    assert.deepEqual(await page.locator('main table tbody a').allTextContents(), ['casa']);
    await h.snapshot(page, 'partners list (partner staff)', 'main table');

    step('its page: the embed codes and the impressions and clicks, counted exactly');
    await h.submit(page, 'main table a[href="/editor/partners/casa"]');
    assert.match(await page.inputValue('#script-snippet'), /data-partner="casa" data-lang="es"/);
    assert.match(await page.inputValue('#iframe-snippet'), /\/embed\/widget-default\?partner=casa&amp;lang=es/);
    const figures = async () => Object.fromEntries(await page.locator('#partner-reach tr.cell').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent.trim()))));
    let seen = {};
    for (let tries = 0; tries < 40 && JSON.stringify(seen) !== JSON.stringify(expected); tries++) {
      if (tries) { await page.waitForTimeout(250); await page.reload(); } // counts reach the database each second
      seen = await figures();
    }
    assert.deepEqual(seen, expected, 'views, clicks and impressions with source partner:casa');
    assert.equal((await page.locator('#partner-reach tr.total td.num').textContent()).trim(), String(3 * (2 + moreReaders)));
    assert.equal(await page.locator('form[action="/editor/partners/casa"][method="post"]').count(), 0, 'staff cannot edit');
    await page.screenshot({ path: join(outDir, 'partner-page.png'), fullPage: true });
    await h.snapshot(page, 'partner page (partner staff)', '#partner-reach');

    step('another partner\'s page is a 403 for casa\'s staff');
    h.expectedErrorStatuses.add(`403 ${base}/editor/partners/abrigo`);
    const refused = await page.goto(`${base}/editor/partners/abrigo`);
    assert.equal(refused.status(), 403);
    assert.equal(await page.locator('main', { hasText: 'Your role does not allow this.' }).count(), 1);
    await h.snapshot(page, 'another partner (403)', 'main');
    h.assertNoProblems();
    await h.accessibility();
  } finally {
    await h.close();
  }
}
