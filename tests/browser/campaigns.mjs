// Writing a campaign in the editor, in a real browser: an editor (first sign-in, password change)
// is refused a bad address name, creates `teste-navegador` in pt-BR, writes its pt-BR and es texts,
// uploads a leaflet over a slow uplink (the progress bar moves) and attaches it to pt-BR, publishes pt-BR and sees readers get it (and the Portuguese text with a fallback notice at /es/),
// publishes es, changes the Portuguese text and sees es flagged Outdated on the campaign page and in
// the list (and its filter), marks es "Still accurate", compares and restores revisions, previews
// the saved text; then an administrator finds every step in the audit log. Along the way, as in
// editor.mjs: nothing leaves 127.0.0.1, no console errors, no 5xx, every editor answer is no-store,
// session cookies HttpOnly + SameSite=Strict, none for readers; axe-core on every page seen.
// Usage: node campaigns.mjs BASE_URL OUT_DIR EDITOR ONE_TIME_PASSWORD ADMIN ONE_TIME_PASSWORD
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { openHarness, step } from './harness.mjs';

const [base, outDir, editorName, editorOneTime, adminName, adminOneTime] = process.argv.slice(2);
assert.ok(base && outDir && editorName && editorOneTime && adminName && adminOneTime,
  'usage: campaigns.mjs BASE_URL OUT_DIR EDITOR ONE_TIME_PASSWORD ADMIN ONE_TIME_PASSWORD');
const started = Date.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const editorPassword = 'copper meadow tunnel orchid 58';
const adminPassword = 'granite willow pepper comet 73';
const slug = 'teste-navegador';
const campaignPath = `/editor/campaigns/${slug}`;
const ptPath = `${campaignPath}/t/pt-BR`;
const esPath = `${campaignPath}/t/es`;

const pt1 = {
  title: 'Teste no navegador',
  summary: 'Um resumo curto em português.',
  body: 'Primeiro parágrafo com **negrito**.\n\n- um item\n- outro item\n',
};
const pt2 = {
  title: 'Teste revisto no navegador',
  summary: pt1.summary,
  body: 'Segundo parágrafo com **negrito**.\n\n- um item\n- outro item\n',
};
const es1 = {
  title: 'Prueba en el navegador',
  summary: 'Un resumen corto en español.',
  body: 'Primer párrafo en **español**.\n',
};

const h = await openHarness(base);
const { expectedErrorStatuses, documentStatus, snapshot, path, submit } = h;

async function write(page, text) {
  await page.fill('#title', text.title);
  await page.fill('#summary', text.summary);
  await page.fill('#body', text.body);
  await submit(page, 'main form.wide button[type="submit"]');
}

async function notice(page) {
  return (await page.locator('main p.notice').allTextContents()).join(' ').trim();
}

// The state cell of a language in the campaign page's languages table.
function campaignPageState(page, language) {
  return page.locator('table[aria-labelledby="languages-title"] tbody tr')
    .filter({ has: page.locator(`th a:text-is("${language}")`) }).locator('td');
}

// The cell of (campaign, language) in the campaigns list.
async function listCell(page, campaign, language) {
  const headers = (await page.locator('main table thead th').allTextContents()).map((t) => t.trim());
  const column = headers.indexOf(language);
  assert.ok(column > 0, `no ${language} column in the campaigns list: ${headers}`);
  const row = page.locator('main table tbody tr').filter({ has: page.locator(`th a:text-is("${campaign}")`) });
  assert.equal(await row.count(), 1, `${campaign} is not in the campaigns list once`);
  return row.locator('td').nth(column - 1);
}

async function listedCampaigns(page) {
  return (await page.locator('main table tbody tr th a').allTextContents()).map((t) => t.trim());
}

// A public page, reloaded until `check` holds: the site is rebuilt in the background after a
// publish. Public pages are cached for 60 s (max-age=60), so after the first visit the page is
// reloaded as a reader would (a reload revalidates) rather than opened again from the cache.
// Returns how long it took.
async function waitForPublic(page, url, check, what, allow404 = false) {
  const from = Date.now();
  if (allow404) expectedErrorStatuses.add(`404 ${url}`);
  let last = '';
  for (let first = page.url() !== url; ; first = false) {
    const response = first ? await page.goto(url) : await page.reload();
    if (response.status() === 200) {
      last = await check();
      if (last === true) break;
    } else {
      last = `status ${response.status()}`;
    }
    if (Date.now() - from > 3000) throw new Error(`${url}: ${what} not seen within 3 s (${last})`);
    await sleep(150);
  }
  if (allow404) expectedErrorStatuses.delete(`404 ${url}`);
  step(`  ${url}: ${what} after ${Date.now() - from} ms`);
  return Date.now() - from;
}

// A valid one-page PDF of about `size` bytes: its content stream carries comment lines as ballast,
// so an upload of it takes long enough to watch (PDF 1.7, 7.5: header, objects, xref, trailer).
function ballastPdf(size) {
  const ballast = ('% ' + 'x'.repeat(77) + '\n').repeat(Math.ceil(size / 80));
  const content = `${ballast}BT /F1 24 Tf 72 720 Td (Folheto) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// Faults found on the way that need not stop the flow: reported with the other problems at the end.
const fault = (text) => h.problems.push(`fault: ${text}`);

// The "help by phone" box must list numbers or not be there: a heading over an empty list tells a
// reader in trouble there is help and gives none. (The new-campaign form has no hotline field, so a
// campaign made in the editor has none.)
async function helpBox(page, where) {
  const boxes = await page.locator('section.help').count();
  const numbers = await page.locator('section.help li').count();
  if (boxes > 0 && numbers === 0)
    fault(`${where}: section.help ("${(await page.locator('#help-title').textContent()).trim()}") is shown with an ` +
      'empty <ul> for a campaign without hotlines (templates/partials/hotlines.mustache renders the section ' +
      'whatever `hotlines` holds)');
}

// What a reader's campaign page shows: the title, the article's language, the fallback notice.
async function publicView(page) {
  return {
    title: (await page.locator('article h1').textContent()).trim(),
    lang: await page.getAttribute('article', 'lang'),
    notice: (await page.locator('main p.notice[role="note"]').allTextContents()).join(' ').trim(),
    body: (await page.locator('article .body').textContent()).trim(),
  };
}

try {
  const editor = await h.newWatchedContext('editor', { viewport: { width: 1280, height: 900 } });
  const page = h.trackStatus(await editor.newPage());

  step('the editor signs in with the one-time password and changes it');
  await h.firstSignIn(page, editorName, editorOneTime, editorPassword, 'Editor');
  await h.sessionCookie(editor, 'editor');

  step('campaigns list: the imported sample campaigns, every site language a column');
  await page.click('a[href="/editor/campaigns"]');
  assert.equal(path(page), '/editor/campaigns');
  const samples = await listedCampaigns(page);
  assert.ok(samples.length >= 3, `expected the sample campaigns, got ${samples}`);
  assert.ok(!samples.includes(slug));
  const headers = (await page.locator('main table thead th').allTextContents()).map((t) => t.trim());
  for (const language of ['pt-BR', 'es', 'en', 'fr', 'ht', 'ar']) assert.ok(headers.includes(language), `no ${language} column`);
  await snapshot(page, 'campaigns list', 'main table');
  await page.screenshot({ path: join(outDir, 'campaigns-list.png'), fullPage: true });

  step('new campaign: "Bad Slug" is refused and the form says why');
  expectedErrorStatuses.add(`422 ${base}/editor/campaigns`);
  await page.fill('#slug', 'Bad Slug');
  assert.equal((await page.textContent('#slug-check')).trim(), 'Use lower-case letters, digits and single hyphens only.',
    'the slug rules are not checked while typing');
  await page.selectOption('#default_language', 'pt-BR');
  await page.fill('#tags', 'teste');
  await submit(page, 'main form button:text-is("Create campaign")');
  assert.equal(documentStatus.get(page), 422);
  assert.equal(path(page), '/editor/campaigns');
  assert.equal(await page.getAttribute('#slug', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#slug', 'aria-describedby'), /slug-error/);
  assert.equal(await page.inputValue('#slug'), 'Bad Slug', 'the refused slug is not kept in the form');
  assert.equal(await page.inputValue('#tags'), 'teste', 'the tags are not kept in the form');
  assert.equal(await page.locator('.error-summary a[href="#slug"]').count(), 1, 'the error summary does not link to #slug');
  await snapshot(page, 'new campaign, refused', '.error-summary');
  await page.screenshot({ path: join(outDir, 'campaigns-new-refused.png'), fullPage: true });

  step(`new campaign: ${slug}, default pt-BR`);
  await page.fill('#slug', slug);
  assert.equal((await page.textContent('#slug-check')).trim(), 'The address follows the rules.');
  await page.selectOption('#default_language', 'pt-BR');
  await submit(page, 'main form button:text-is("Create campaign")');
  assert.equal(path(page), campaignPath);
  assert.match(await page.locator('main h1').textContent(), new RegExp(slug));
  assert.match(await page.locator('table[aria-labelledby="languages-title"] tbody tr th', { hasText: 'pt-BR' }).textContent(),
    /\(default\)/);
  for (const language of ['pt-BR', 'es']) assert.equal((await campaignPageState(page, language).textContent()).trim(), 'Not written');
  assert.equal(await page.inputValue('#default_language'), 'pt-BR');

  step('write the pt-BR text (default language: no source beside it)');
  await page.click('table[aria-labelledby="languages-title"] a:text-is("pt-BR")');
  assert.equal(path(page), ptPath);
  assert.equal(await page.locator('section.source-text').count(), 0, 'the default language shows a source text');
  await write(page, pt1);
  assert.equal(path(page), `${ptPath}?done=saved`);
  assert.equal(await notice(page), 'Saved. Readers see it once it is published.');
  assert.equal(await page.inputValue('#title'), pt1.title);
  assert.equal(await page.inputValue('#body'), pt1.body);
  assert.equal(await page.inputValue('input[name="base"]'), '1');
  assert.equal((await page.locator('p.status-line').textContent()).trim(), 'Draft');
  await snapshot(page, 'translation pt-BR (default), saved', '#body');
  await page.screenshot({ path: join(outDir, 'campaigns-translation-pt-BR.png'), fullPage: true });

  step('write the es text beside the pt-BR one');
  await page.click(`main a[href="${campaignPath}"]`);
  assert.equal((await campaignPageState(page, 'pt-BR').textContent()).trim(), 'Draft');
  await page.click('table[aria-labelledby="languages-title"] a:text-is("es")');
  assert.equal(path(page), esPath);
  const source = page.locator('section.source-text');
  assert.equal(await source.count(), 1, 'no default-language text beside the es form');
  assert.match(await source.locator('h2').textContent(), /Default language\s*\(pt-BR\)/);
  assert.match(await source.textContent(), new RegExp(pt1.title));
  assert.equal((await source.locator('pre.source').textContent()).trim(), pt1.body.trim());
  await write(page, es1);
  assert.equal(path(page), `${esPath}?done=saved`);
  assert.equal(await page.inputValue('#title'), es1.title);
  await snapshot(page, 'translation es (beside pt-BR)', 'section.source-text');
  await page.screenshot({ path: join(outDir, 'campaigns-translation-es.png'), fullPage: true });

  step('upload a PDF on the campaign page and attach it to pt-BR: the progress bar moves');
  await page.goto(base + campaignPath);
  const uploadForm = page.locator('form[data-upload]');
  await uploadForm.locator('input[name="material"]').fill('folheto');
  await uploadForm.locator('select[name="kind"]').selectOption('leaflet');
  await uploadForm.locator('select[name="language"]').selectOption('pt-BR');
  await uploadForm.locator('input[name="file"]').setInputFiles(
    { name: 'folheto-pt-BR.pdf', mimeType: 'application/pdf', buffer: ballastPdf(3 * 1024 * 1024) });
  const progress = [];
  await page.exposeFunction('farolProgress', (v) => progress.push(Number(v)));
  await page.evaluate(() => {
    const bar = document.querySelector('form[data-upload] progress');
    new MutationObserver(() => window.farolProgress(bar.hidden ? -1 : bar.value)).observe(bar, { attributes: true });
  });
  // A slow uplink (1 MiB/s) so the 3 MB leaflet takes a few seconds, as on a phone.
  const cdp = await editor.newCDPSession(page);
  const uplink = (bytesPerSecond) => cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  await uplink(1024 * 1024);
  await Promise.all([page.waitForURL(`${base}${campaignPath}?done=attach`, { timeout: 20000 }),
    uploadForm.locator('button[type="submit"]').click()]);
  await uplink(-1);
  assert.ok(progress.some((v) => v > 0 && v < 100), `the progress bar did not move: ${JSON.stringify(progress)}`);
  assert.equal(await notice(page), 'The file was attached. Readers see it on the published page of that language.');
  const materialHref = await page.locator('ul.material-files a').getAttribute('href');
  assert.match(materialHref, /^\/m\/[0-9a-f]{16}\/folheto-pt-br\.pdf$/);
  await snapshot(page, 'campaign page with a material', 'ul.material-files');
  await page.goto(base + '/editor/materials');
  assert.match(await page.locator('#uploads tbody').textContent(), /folheto-pt-BR\.pdf/);
  await snapshot(page, 'materials library', '#uploads');
  await page.screenshot({ path: join(outDir, 'campaigns-materials.png'), fullPage: true });

  step('publish pt-BR only');
  await page.goto(base + ptPath);
  await submit(page, 'button:text-is("Publish the saved text")');
  assert.equal(path(page), `${ptPath}?done=publish`);
  assert.equal(await notice(page), 'Published: readers see this text now.');
  assert.equal((await page.locator('p.status-line').textContent()).trim(), 'Published');
  assert.equal(await page.locator('button:text-is("Unpublish")').count(), 1);

  step('a reader sees the Portuguese text at /pt-BR/ and, with a fallback notice, at /es/');
  const reader = await h.newWatchedContext('reader', { viewport: { width: 1280, height: 900 } });
  const readerPage = h.trackStatus(await reader.newPage());
  const ptPublic = `${base}/pt-BR/c/${slug}`, esPublic = `${base}/es/c/${slug}`;
  const firstRebuild = await waitForPublic(readerPage, ptPublic,
    async () => (await publicView(readerPage)).title === pt1.title || `title "${(await publicView(readerPage)).title}"`,
    'the pt-BR text', true);
  let view = await publicView(readerPage);
  assert.equal(view.lang, 'pt-BR');
  assert.equal(view.notice, '', 'a fallback notice on the page in its own language');
  assert.equal(await readerPage.locator('article .body strong').textContent(), 'negrito');
  assert.equal(await readerPage.locator('article .body li').count(), 2);
  assert.equal(await readerPage.getAttribute('html', 'lang'), 'pt-BR');
  await helpBox(readerPage, '/pt-BR/c/' + slug);
  assert.equal(await readerPage.locator(`a[href="${materialHref}"]`).count(), 1, 'the leaflet is not on the public page');
  const leaflet = await readerPage.request.get(base + materialHref);
  assert.equal(leaflet.status(), 200);
  assert.equal(leaflet.headers()['content-type'], 'application/pdf');
  await snapshot(readerPage, 'public pt-BR', 'article h1');
  await readerPage.screenshot({ path: join(outDir, 'campaigns-public-pt-BR.png'), fullPage: true });
  await readerPage.goto(esPublic);
  assert.equal(documentStatus.get(readerPage), 200);
  view = await publicView(readerPage);
  assert.equal(view.title, pt1.title, '/es/ does not show the Portuguese text');
  assert.equal(view.lang, 'pt-BR', 'the fallback article is not marked lang="pt-BR"');
  assert.equal(await readerPage.getAttribute('html', 'lang'), 'es');
  assert.match(view.notice, /^Esta página todavía no está disponible en .+\. Se muestra en .+\.$/,
    `fallback notice "${view.notice}"`);
  assert.ok(!view.notice.includes('{'), `unfilled placeholder in "${view.notice}"`);
  await helpBox(readerPage, '/es/c/' + slug + ' (fallback)');
  await snapshot(readerPage, 'public es, falling back to pt-BR', 'p.notice[role="note"]');
  await readerPage.screenshot({ path: join(outDir, 'campaigns-public-es-fallback.png'), fullPage: true });

  step('publish es; /es/ shows the Spanish text');
  await page.goto(base + esPath);
  await submit(page, 'button:text-is("Publish the saved text")');
  assert.equal(path(page), `${esPath}?done=publish`);
  const secondRebuild = await waitForPublic(readerPage, esPublic,
    async () => (await publicView(readerPage)).title === es1.title || `title "${(await publicView(readerPage)).title}"`,
    'the es text');
  view = await publicView(readerPage);
  assert.equal(view.lang, 'es');
  assert.equal(view.notice, '', 'the fallback notice stayed after es was published');
  assert.equal(await readerPage.locator('article .body strong').textContent(), 'español');
  await readerPage.screenshot({ path: join(outDir, 'campaigns-public-es.png'), fullPage: true });
  assert.deepEqual(await reader.cookies(base), [], 'a reader got cookies');

  step('change the Portuguese text: es is Outdated on the campaign page and in the list');
  await page.goto(base + ptPath);
  await write(page, pt2);
  assert.equal(path(page), `${ptPath}?done=saved`);
  assert.equal(await page.inputValue('input[name="base"]'), '2');
  assert.equal((await page.locator('p.status-line').textContent()).trim(), 'Published · Changes not published');
  assert.equal(await page.locator('p.status-line .outdated').count(), 0, 'the default language is flagged outdated');
  await page.goto(base + campaignPath);
  assert.match(await campaignPageState(page, 'pt-BR').textContent(), /^Changes not published$/);
  assert.equal((await campaignPageState(page, 'es').locator('strong.outdated').textContent()).trim(), 'Outdated');
  assert.match((await campaignPageState(page, 'es').textContent()).trim(), /^Published\s+Outdated$/);
  assert.equal(await campaignPageState(page, 'pt-BR').locator('.outdated').count(), 0);
  await snapshot(page, 'campaign page, es outdated', 'strong.outdated');
  await page.screenshot({ path: join(outDir, 'campaigns-campaign-outdated.png'), fullPage: true });
  await page.goto(base + '/editor/campaigns');
  assert.match((await (await listCell(page, slug, 'es')).textContent()).trim(), /^Published\s+Outdated$/);
  assert.equal((await (await listCell(page, slug, 'pt-BR')).textContent()).trim(), 'Changes not published');
  assert.equal((await (await listCell(page, slug, 'en')).textContent()).trim(), 'Not written');
  step('the list filtered to outdated translations shows this campaign alone');
  await page.selectOption('#filter-state', 'outdated');
  await submit(page, 'form[role="search"] button[type="submit"]');
  assert.equal(path(page), '/editor/campaigns?state=outdated&language=&tag=');
  assert.deepEqual(await listedCampaigns(page), [slug]);
  assert.equal(await page.inputValue('#filter-state'), 'outdated');
  await snapshot(page, 'campaigns list, outdated filter', 'strong.outdated');
  await page.screenshot({ path: join(outDir, 'campaigns-list-outdated.png'), fullPage: true });
  await page.goto(`${base}/editor/campaigns?tag=teste&language=es&state=published`);
  assert.deepEqual(await listedCampaigns(page), [slug], 'the tag + language + state filter');

  step('the es page says Outdated, shows the new Portuguese text and offers "Still accurate"');
  await page.click(`main table tbody tr:has(th a:text-is("${slug}")) td a >> nth=${headers.indexOf('es') - 1}`);
  assert.equal(path(page), esPath);
  assert.match(await page.locator('p.status-line').textContent(), /Published · Outdated: the default language changed/);
  assert.match(await page.locator('section.source-text').textContent(), new RegExp(pt2.title));
  assert.equal(await page.locator('button:text-is("Still accurate")').count(), 1);
  await snapshot(page, 'translation es, outdated', 'p.status-line strong.outdated');
  await page.screenshot({ path: join(outDir, 'campaigns-translation-es-outdated.png'), fullPage: true });

  step('the preview shows the saved (unpublished) Portuguese text; readers still get the published one');
  await page.goto(base + ptPath);
  await page.click('a:text-is("Preview as readers see it")');
  assert.equal(path(page), `${ptPath}/preview`);
  assert.equal((await page.locator('article h1').textContent()).trim(), pt2.title);
  assert.match(await page.locator('article .body').textContent(), /Segundo parágrafo/);
  await readerPage.goto(ptPublic);
  await readerPage.reload();
  assert.equal((await publicView(readerPage)).title, pt1.title, 'readers see a text that is not published');

  step('"Still accurate" takes the flag away');
  await page.goto(base + esPath);
  await submit(page, 'button:text-is("Still accurate")');
  assert.equal(path(page), `${esPath}?done=confirm`);
  assert.equal(await notice(page), 'Marked as still accurate.');
  assert.equal(await page.locator('.outdated').count(), 0);
  assert.equal(await page.locator('button:text-is("Still accurate")').count(), 0);
  await page.goto(base + campaignPath);
  assert.equal(await campaignPageState(page, 'es').locator('.outdated').count(), 0);
  assert.equal((await campaignPageState(page, 'es').textContent()).trim(), 'Published');
  await snapshot(page, 'campaign page', 'table[aria-labelledby="languages-title"]');
  await page.goto(base + '/editor/campaigns');
  assert.equal((await (await listCell(page, slug, 'es')).textContent()).trim(), 'Published');
  await page.goto(base + '/editor/campaigns?state=outdated');
  assert.deepEqual(await listedCampaigns(page), []);

  step('pt-BR revisions: compare 1 and 2');
  await page.goto(base + ptPath);
  await page.click('a:text-is("Revisions")');
  assert.equal(path(page), `${ptPath}/revisions`);
  assert.equal(await page.locator('main table tbody tr').count(), 2);
  assert.equal(await page.locator('section.diff').count(), 0);
  await page.selectOption('#a', '1');
  await page.selectOption('#b', '2');
  await submit(page, 'main form.filters button:text-is("Compare")');
  assert.equal(path(page), `${ptPath}/revisions?a=1&b=2`);
  const diff = page.locator('section.diff');
  assert.match(await diff.locator('h2').textContent(), /1 → 2/);
  const deleted = (await diff.locator('#diff-body del').allTextContents()).join(' ');
  const inserted = (await diff.locator('#diff-body ins').allTextContents()).join(' ');
  assert.match(deleted, /Primeiro/, `deleted in the body: "${deleted}"`);
  assert.match(inserted, /Segundo/, `inserted in the body: "${inserted}"`);
  assert.doesNotMatch(deleted + inserted, /negrito|item/, 'unchanged words are marked as changed');
  assert.match((await diff.locator('p.diff-text').first().locator('ins').allTextContents()).join(' '), /revisto/);
  assert.equal(await diff.locator('p.diff-text').nth(1).locator('ins, del').count(), 0, 'the unchanged summary shows changes');
  // The compare form must still say what is compared.
  const shownA = await page.inputValue('#a'), shownB = await page.inputValue('#b');
  if (shownA !== '1' || shownB !== '2')
    fault(`${ptPath}/revisions?a=1&b=2 shows the diff 1 → 2 but its compare form says #a=${shownA}, #b=${shownB}: ` +
      'templates/editor/revisions.mustache never marks the chosen <option> selected (and the handler passes ' +
      'no selected flag), so both selects fall back to the newest revision');
  await snapshot(page, 'revisions, diff 1 → 2', 'section.diff ins');
  await page.screenshot({ path: join(outDir, 'campaigns-revisions-diff.png'), fullPage: true });

  step('restore revision 1: its text is back in the form as revision 3');
  await submit(page, 'button:text-is("Restore 1")');
  assert.equal(path(page), `${ptPath}/revisions?done=restored`);
  assert.equal(await notice(page), 'The revision was restored as a new revision.');
  assert.equal(await page.locator('main table tbody tr').count(), 3);
  assert.equal((await page.locator('main table tbody tr').first().locator('td').nth(4).textContent()).trim(), pt1.title);
  await page.click(`main a[href="${campaignPath}"]`);
  await page.click('table[aria-labelledby="languages-title"] a:text-is("pt-BR")');
  assert.equal(await page.inputValue('#title'), pt1.title);
  assert.equal(await page.inputValue('#summary'), pt1.summary);
  assert.equal(await page.inputValue('#body'), pt1.body);
  assert.equal(await page.inputValue('input[name="base"]'), '3');

  step('preview pt-BR: the restored text as readers would see it');
  await page.click('a:text-is("Preview as readers see it")');
  assert.equal(documentStatus.get(page), 200);
  assert.equal((await page.locator('article h1').textContent()).trim(), pt1.title);
  assert.equal(await page.getAttribute('article', 'lang'), 'pt-BR');
  assert.equal(await page.locator('article .body strong').textContent(), 'negrito');
  await helpBox(page, `${ptPath}/preview`);
  await snapshot(page, 'preview pt-BR', 'article h1');
  await page.screenshot({ path: join(outDir, 'campaigns-preview-pt-BR.png'), fullPage: true });

  step('an administrator signs in (password change first) and reads the audit log');
  const admin = await h.newWatchedContext('admin', { viewport: { width: 1280, height: 900 } });
  const adminPage = h.trackStatus(await admin.newPage());
  await h.firstSignIn(adminPage, adminName, adminOneTime, adminPassword, 'Administrator');
  await h.sessionCookie(admin, 'admin');
  await adminPage.goto(`${base}/editor/audit?user=${encodeURIComponent(editorName)}`);
  const rows = [];
  for (const row of await adminPage.locator('main table tbody tr').all()) {
    const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
    rows.push({ actor: cells[1], action: cells[2], object: cells[3], outcome: cells[4] });
  }
  rows.reverse(); // oldest first
  const object = (language, revision) => `campaign:${slug}${language ? '/' + language : ''}${revision ? ' r' + revision : ''}`;
  const story = [
    ['campaign.create', object()],
    ['translation.save', object('pt-BR', 1)],
    ['translation.save', object('es', 1)],
    ['material.attach', `campaign:${slug}/folheto/pt-BR`],
    ['translation.publish', object('pt-BR')],
    ['translation.publish', object('es')],
    ['translation.save', object('pt-BR', 2)],
    ['translation.confirm', object('es')],
    ['translation.save', object('pt-BR', 3)],
    ['translation.restore', object('pt-BR', 1)],
  ];
  const campaignRows = rows.filter((r) => r.object.startsWith(`campaign:${slug}`));
  assert.deepEqual(campaignRows.map((r) => [r.action, r.object]), story,
    `the audit log's story: ${JSON.stringify(campaignRows)}`);
  for (const r of campaignRows) assert.equal(r.actor, editorName, `audit row ${r.action} ${r.object} by ${r.actor}`);
  assert.ok(rows.some((r) => r.action === 'material.upload' && r.outcome === 'ok'), 'no material.upload in the audit log');
  await snapshot(adminPage, 'audit (filtered to the editor)', 'main table tbody tr');
  await adminPage.screenshot({ path: join(outDir, 'campaigns-audit.png'), fullPage: true });

  // Both verdicts, whichever fails first.
  let problemsFailure;
  try { h.assertNoProblems(); } catch (e) { problemsFailure = e; }
  await h.accessibility();
  if (problemsFailure) throw problemsFailure;
  console.log(`browser: all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
    `(site rebuilt after a publish in ${firstRebuild} and ${secondRebuild} ms)`);
} finally {
  await h.close();
}
