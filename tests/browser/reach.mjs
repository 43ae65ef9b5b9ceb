// Reach in a real browser: twelve phones on one carrier network (127.0.0.2-13, each its own model)
// and this browser read a campaign; an administrator opens Reach from the navigation and finds
// today's views per day as a chart with its table, the campaign x language report with the real
// figures (13 views, 13 readers in pt-BR), a small group shown as "<10", and a CSV download. As in
// the other runs: nothing leaves 127.0.0.1, no console errors, no 5xx, editor answers no-store,
// readers get no cookie, axe-core on every page seen.
// Usage: node reach.mjs BASE_URL OUT_DIR EDITOR ONE_TIME_PASSWORD ADMIN ONE_TIME_PASSWORD
import http from 'node:http';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { openHarness, step } from './harness.mjs';

const [base, outDir, , , adminName, adminOneTime] = process.argv.slice(2);
assert.ok(base && outDir && adminName && adminOneTime,
  'usage: reach.mjs BASE_URL OUT_DIR EDITOR ONE_TIME_PASSWORD ADMIN ONE_TIME_PASSWORD');
const started = Date.now();
const adminPassword = 'harbour lantern quiet mango 41';
const slug = 'reconhecer-o-trafico';

// One GET from 127.0.0.<host> with its own user-agent; resolves to the status.
function readFrom(host, path) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname: url.hostname, port: url.port, path: url.pathname, localAddress: `127.0.0.${host}`,
      headers: { 'User-Agent': `Mozilla/5.0 (Linux; Android 14; Pixel ${host}) Mobile Safari/537.36` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

// The figure in a table row whose header cell is `label`, or "".
async function rowFigure(page, table, label) {
  const row = page.locator(`${table} tbody tr`).filter({ has: page.locator(`th:text-is("${label}")`) });
  return (await row.count()) ? (await row.locator('td').first().textContent()).trim() : '';
}

const h = await openHarness(base);
const { snapshot, submit } = h;

try {
  step('twelve phones and this browser read the campaign in Portuguese; two read it in Spanish');
  for (let host = 2; host <= 13; host++) assert.equal(await readFrom(host, `/pt-BR/c/${slug}`), 200);
  for (let host = 20; host <= 21; host++) assert.equal(await readFrom(host, `/es/c/${slug}`), 200);
  // Headless Chromium names itself HeadlessChrome, which the crawler list (rightly) leaves out: this
  // reader presents itself as the phone browser it stands for.
  const readers = await h.newWatchedContext('reader', { viewport: { width: 360, height: 740 }, isMobile: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-A146B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36' });
  const readerPage = h.trackStatus(await readers.newPage());
  await readerPage.goto(`${base}/pt-BR/c/${slug}`);
  assert.equal((await readers.cookies()).length, 0, 'readers get no cookies');

  step('the administrator opens Reach from the navigation: views per day, chart and table');
  const admin = await h.newWatchedContext('admin', { viewport: { width: 1280, height: 900 } });
  const page = h.trackStatus(await admin.newPage());
  await h.firstSignIn(page, adminName, adminOneTime, adminPassword, 'Administrator');
  await page.click('nav a[href="/editor/reach"]');
  const today = await page.inputValue('#to');
  let views = '';
  for (let tries = 0; tries < 40 && views !== '15'; tries++) { // counts reach the database each second
    if (tries) { await page.waitForTimeout(250); await page.reload(); }
    views = await rowFigure(page, '#reach-views-table', today);
  }
  assert.equal(views, '15', `views today (12 phones, 2 in Spanish, the browser): "${views}"`);
  assert.equal(await page.locator('figure.chart svg[role="img"] title').first().textContent(), 'Bar chart of views by day');
  assert.equal(await page.locator(`#reach-views svg title:text-is("${today}: 15")`).count()
    + await page.locator(`figure.chart svg rect.bar title:text-is("${today}: 15")`).count() > 0, true, 'today\'s column');
  await snapshot(page, 'reach by day', 'figure.chart svg');

  step('grouped by campaign and language: real figures, the small group hidden');
  await page.selectOption('#by', 'campaign,language');
  await submit(page, 'main form.filters button[type="submit"]');
  const cells = async (language) => (await page.locator('#grouped-table tr.cell')
    .filter({ has: page.locator(`td:text-is("${language}")`) }).locator('td.num').allTextContents()).map((t) => t.trim());
  assert.deepEqual(await cells('pt-BR'), ['13', '13'], 'pt-BR: 13 views by 13 readers');
  assert.deepEqual(await cells('es'), ['<10', '<10'], 'es: two readers, hidden');
  await snapshot(page, 'reach by campaign and language', '#grouped-table');
  await page.screenshot({ path: join(outDir, 'reach.png'), fullPage: true });

  step('the CSV download is the same report, suppressed');
  const href = await page.getAttribute('a[download]', 'href');
  const csv = await admin.request.get(new URL(href, base).toString());
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'], /^text\/csv; charset=utf-8/);
  const text = await csv.text();
  assert.ok(text.includes(`cell,${slug},pt-BR,13,13\r\n`), text);
  assert.ok(text.includes(`cell,${slug},es,<10,<10\r\n`), text);

  let problemsFailure;
  try { h.assertNoProblems(); } catch (e) { problemsFailure = e; }
  await h.accessibility();
  if (problemsFailure) throw problemsFailure;
  console.log(`browser: all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await h.browser.close();
}
