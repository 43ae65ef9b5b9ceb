// Planning rotations in a real browser: an administrator (first sign-in, password change) opens the
// home-featured slot, plans two entries (weights 3 and 1), sees the week's timeline (SVG, and the
// same as a table) and the shares (75 % and 25 % in pt-BR), previews the site now and finds what
// readers get at /pt-BR/ (max-age no longer than the period), previews tomorrow 10:00, and follows
// the hero inside the preview. As in the other runs: nothing leaves 127.0.0.1, no console errors,
// no 5xx, editor answers no-store, axe-core on every page seen.
// Usage: node schedule.mjs BASE_URL OUT_DIR EDITOR ONE_TIME_PASSWORD ADMIN ONE_TIME_PASSWORD
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { openHarness, step } from './harness.mjs';

const [base, outDir, , , adminName, adminOneTime] = process.argv.slice(2);
assert.ok(base && outDir && adminName && adminOneTime,
  'usage: schedule.mjs BASE_URL OUT_DIR EDITOR ONE_TIME_PASSWORD ADMIN ONE_TIME_PASSWORD');
const started = Date.now();
const adminPassword = 'granite willow pepper comet 73';
const heavy = 'reconhecer-o-trafico';
const light = 'migrar-com-seguranca-sp';

const h = await openHarness(base);
const { snapshot, submit, path } = h;

async function notice(page) {
  return (await page.locator('main p.notice').allTextContents()).join(' ').trim();
}

async function addEntry(page, campaign, weight) {
  await page.selectOption('#campaign', campaign);
  await page.fill('#weight', String(weight));
  await page.selectOption('#priority', 'scheduled');
  await submit(page, 'main form[action$="/entries"] button[type="submit"]');
  assert.equal(await notice(page), 'Entry added.', `adding ${campaign}`);
}

// The share cells of a campaign in a language's shares table: [priority, weight, share, time].
async function shareRow(page, language, campaign) {
  const row = page.locator(`table.shares[data-language="${language}"] tbody tr`)
    .filter({ has: page.locator(`th:text-is("${campaign}")`) });
  return (await row.locator('td').allTextContents()).map((t) => t.trim());
}

// The hero's campaign slug on a home page (the one the home-featured slot picked), or "".
async function hero(page) {
  const link = page.locator('section.featured h2 a');
  if (await link.count() === 0) return '';
  return (await link.getAttribute('href')).replace(/^.*\/c\//, '');
}

try {
  const admin = await h.newWatchedContext('admin', { viewport: { width: 1280, height: 900 } });
  const page = h.trackStatus(await admin.newPage());

  step('the administrator signs in and opens the schedule from the navigation');
  await h.firstSignIn(page, adminName, adminOneTime, adminPassword, 'Administrator');
  await h.sessionCookie(admin, 'admin');
  await page.click('nav a[href="/editor/schedule"]');
  for (const slot of ['home-featured', 'home-list', 'widget-default'])
    assert.equal(await page.locator(`#slots a:text-is("${slot}")`).count(), 1, `slot ${slot} listed`);
  await snapshot(page, 'schedule', '#slots');
  await page.click('#slots a:text-is("home-featured")');
  assert.equal(path(page), '/editor/schedule/home-featured');
  assert.match(await page.locator('#zone-hint').textContent(), /Times are in America\/Sao_Paulo\. It is now \d{4}-\d\d-\d\d \d\d:\d\d -03/);

  step(`plan two entries: ${heavy} weight 3, ${light} weight 1`);
  await addEntry(page, heavy, 3);
  await addEntry(page, light, 1);
  assert.equal(await page.locator('#entries tbody tr').count(), 2);

  step('the timeline shows both campaigns over 7 days; the table says the same in words');
  const svg = page.locator('figure.timeline svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  const box = await svg.boundingBox();
  assert.ok(box && box.width > 600 && box.height > 100, `the chart is drawn: ${JSON.stringify(box)}`);
  for (const slug of [heavy, light])
    assert.ok(await svg.locator('text', { hasText: slug }).count() >= 1, `${slug} in the legend`);
  const segments = await svg.locator('rect title').allTextContents();
  assert.ok(segments.some((t) => t.startsWith(`${heavy}: `)) && segments.some((t) => t.startsWith(`${light}: `)),
    'both campaigns have segments');
  await page.screenshot({ path: join(outDir, 'schedule-slot.png'), fullPage: true });
  await svg.screenshot({ path: join(outDir, 'schedule-timeline.png') });
  await page.click('#timeline-tables summary');
  const firstRow = (await page.locator('#timeline-tables table').first().locator('tbody tr').first()
    .locator('td').allTextContents()).map((t) => t.trim());
  assert.ok([heavy, light].includes(firstRow[2]), `the table's first segment: ${firstRow}`);

  step('the shares: 3 to 1 is 75 % and 25 % of the week, to the hour');
  assert.deepEqual(await shareRow(page, 'pt-BR', heavy), ['scheduled', '3', '75.0 %', '126.0 h']);
  assert.deepEqual(await shareRow(page, 'pt-BR', light), ['scheduled', '1', '25.0 %', '42.0 h']);
  await snapshot(page, 'slot with two entries', 'figure.timeline svg');

  step('preview the site now: the same hero readers get at /pt-BR/');
  const reader = await h.newWatchedContext('reader', { viewport: { width: 360, height: 740 } });
  const readerPage = await reader.newPage();
  let previewHero = '';
  let liveHero = '';
  for (let attempt = 0; attempt < 2 && (previewHero === '' || previewHero !== liveHero); ++attempt) {
    await page.goto(`${base}/editor/preview`);
    await page.selectOption('#lang', 'pt-BR');
    await submit(page, 'main form button[type="submit"]');
    assert.match(path(page), /^\/editor\/preview\/at\/\d+\/pt-BR\/$/);
    previewHero = await hero(page);
    const live = await readerPage.goto(`${base}/pt-BR/`);
    liveHero = await hero(readerPage);
    const maxAge = Number(/max-age=(\d+)/.exec(live.headers()['cache-control'])?.[1]);
    assert.ok(maxAge >= 0 && maxAge <= 3600, `the home page is fresh until the next boundary: ${live.headers()['cache-control']}`);
  }
  assert.ok([heavy, light].includes(previewHero), `a hero in the preview: "${previewHero}"`);
  assert.equal(previewHero, liveHero, 'the preview of now is what readers get');
  assert.equal((await readerPage.context().cookies()).length, 0, 'readers get no cookies');

  step('preview tomorrow at 10:00 and follow the hero inside the preview');
  await page.goto(`${base}/editor/preview`);
  const today = await page.inputValue('#from_date');
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86400000).toISOString().slice(0, 10);
  await page.fill('#from_date', tomorrow);
  await page.fill('#from_time', '10:00');
  await snapshot(page, 'preview form', '#from_date');
  await submit(page, 'main form button[type="submit"]');
  const at = /^\/editor\/preview\/at\/(\d+)\/pt-BR\/$/.exec(path(page));
  assert.ok(at, `preview address: ${path(page)}`);
  const tomorrowHero = await hero(page);
  assert.ok([heavy, light].includes(tomorrowHero), `tomorrow's hero: "${tomorrowHero}"`);
  await page.screenshot({ path: join(outDir, 'schedule-preview.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('section.featured h2 a')]);
  assert.equal(path(page), `/editor/preview/at/${at[1]}/pt-BR/c/${tomorrowHero}`);
  assert.ok((await page.locator('article h1').textContent()).trim().length > 0, 'the campaign page as of then');

  let problemsFailure;
  try { h.assertNoProblems(); } catch (e) { problemsFailure = e; }
  await h.accessibility();
  if (problemsFailure) throw problemsFailure;
  console.log(`browser: all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await h.browser.close();
}
