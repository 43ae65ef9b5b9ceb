// The editor tests' common ground (editor.mjs and campaigns.mjs use it): Debian's Chromium with the same flags,
// contexts whose every request, response and console line is watched, the document status per
// page, HTML snapshots replayed into a bypassCSP context for axe-core, and the sign-in steps.
// Usage: const h = await openHarness(base); … h.problems must stay empty; await h.accessibility();
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { axeViolations } from './axe.mjs';

export const step = (name) => console.log(`browser: ${name}`);

export async function openHarness(base) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

  // Everything a context does is watched; `problems` must stay empty.
  const problems = [];
  // Error pages asked for on purpose ("422 URL"): Chromium logs "Failed to load resource" for them.
  const expectedErrorStatuses = new Set();
  const isEditor = (url) => url.pathname === '/editor' || url.pathname.startsWith('/editor/');

  function watch(context, who) {
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(base + '/') && !url.startsWith('data:')) problems.push(`${who}: request left the site: ${url}`);
    });
    // ERR_ABORTED is the browser cancelling a subresource because the page navigated on (a busy
    // machine makes it likely); a server failure shows as a reset, an empty response or a 5xx.
    context.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${who}: request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    context.on('response', (r) => {
      const url = new URL(r.url());
      if (r.status() >= 500) problems.push(`${who}: ${r.status()} ${r.url()}`);
      if (isEditor(url)) {
        const cacheControl = r.headers()['cache-control'] ?? '';
        if (!/(^|[\s,])no-store($|[\s,])/.test(cacheControl))
          problems.push(`${who}: ${r.url()} has cache-control "${cacheControl}", not no-store`);
      }
    });
    context.on('page', (page) => {
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const status = /the server responded with a status of (\d+)/.exec(m.text());
        if (status && expectedErrorStatuses.has(`${status[1]} ${m.location().url}`)) return;
        problems.push(`${who}: console: ${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => problems.push(`${who}: page error: ${e.message}`));
    });
  }

  async function newWatchedContext(who, options) {
    const context = await browser.newContext({ locale: 'en', extraHTTPHeaders: { 'Accept-Language': 'en' }, ...options });
    context.setDefaultTimeout(10000);
    watch(context, who);
    return context;
  }

  // The main document's last non-redirect status, per page.
  const documentStatus = new WeakMap();
  function trackStatus(page) {
    page.on('response', (r) => {
      const request = r.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400))
        documentStatus.set(page, r.status());
    });
    return page;
  }

  // The HTML of pages as the browser parsed them, for axe-core at the end (some states exist only
  // once: a refused form, a diff before a restore, an outdated flag before "Still accurate").
  const snapshots = [];
  async function snapshot(page, name, shows) {
    assert.ok(await page.locator(shows).count() > 0, `${name}: nothing matches ${shows}`);
    snapshots.push({ name, url: page.url(), status: documentStatus.get(page), html: await page.content(), shows,
      viewport: page.viewportSize() });
  }

  function path(page) {
    const url = new URL(page.url());
    return url.pathname + url.search;
  }

  // Clicks `button` and waits for the page that answers. A same-origin form refused as cross-site
  // is a server fault here.
  async function submit(page, button) {
    await Promise.all([page.waitForNavigation(), page.click(button)]);
    if (documentStatus.get(page) === 403 && await page.locator('main', { hasText: 'sent from another site' }).count() > 0)
      throw new Error(`the server refused a same-origin form as cross-site (403) at ${page.url()}`);
  }

  async function sessionCookie(context, who) {
    const cookies = await context.cookies(base);
    const session = cookies.find((c) => c.name === 'farol_session');
    assert.ok(session, `${who}: no farol_session cookie: ${JSON.stringify(cookies)}`);
    assert.equal(session.httpOnly, true, `${who}: session cookie is not HttpOnly`);
    assert.equal(session.sameSite, 'Strict', `${who}: session cookie is not SameSite=Strict`);
    assert.equal(session.secure, false, `${who}: the development cookie is Secure on plain http`);
    return session;
  }

  async function signInWithPassword(page, name, password) {
    await page.fill('#name', name);
    await page.fill('#password', password);
    await submit(page, 'main form button[type="submit"]');
  }

  async function changePassword(page, current, password) {
    await page.fill('#current', current);
    await page.fill('#password', password);
    await page.fill('#repeat', password);
    await submit(page, 'main form button[type="submit"]');
  }

  async function signedInAs(page, name, role) {
    assert.equal(await page.locator('header .who strong').textContent(), name);
    assert.match(await page.locator('header .who').textContent(),
      new RegExp(`Signed in as\\s+${name.replace(/\./g, '\\.')}\\s+\\(${role}\\)`));
  }

  // A first sign-in with a one-time password: straight to the password change, then home.
  async function firstSignIn(page, name, oneTime, password, role) {
    await page.goto(base + '/editor/sign-in');
    await signInWithPassword(page, name, oneTime);
    assert.equal(path(page), '/editor/account/password', `${name}: the first stop is not the password change`);
    await changePassword(page, oneTime, password);
    assert.equal(path(page), '/editor/?password_changed=1');
    await signedInAs(page, name, role);
  }

  function assertNoProblems() {
    for (const line of problems) console.log(`problem: ${line}`);
    assert.deepEqual(problems, [], 'problems on the way (the "problem:" lines above)');
  }

  // Every snapshot is served again, unchanged, to a bypassCSP context (the stylesheet and scripts
  // still come from the server), and every axe violation fails the test.
  async function accessibility() {
    const contexts = new Map(); // one per viewport the pages were seen in
    const failures = [];
    for (const s of snapshots) {
      const size = JSON.stringify(s.viewport);
      if (!contexts.has(size)) contexts.set(size, await browser.newContext({ bypassCSP: true, viewport: s.viewport }));
      const context = contexts.get(size);
      step(`axe ${s.name} (${s.status} ${s.url})`);
      const matches = (url) => url.href === s.url;
      const serve = (route) => route.fulfill({ status: s.status, contentType: 'text/html; charset=utf-8', body: s.html });
      await context.route(matches, serve);
      try {
        const result = await axeViolations(context, s.url, s.shows);
        assert.equal(result.status, s.status, s.name);
        for (const line of result.lines) failures.push(`${s.name} (${s.url}): ${line}`);
      } finally {
        await context.unroute(matches, serve);
      }
    }
    for (const context of contexts.values()) await context.close();
    for (const line of failures) console.log(`axe violation: ${line}`);
    assert.deepEqual(failures, [], 'axe-core found accessibility violations');
  }

  return {
    browser, problems, expectedErrorStatuses, documentStatus, newWatchedContext, trackStatus, snapshot, path, submit,
    sessionCookie, signInWithPassword, changePassword, signedInAs, firstSignIn, assertNoProblems, accessibility,
    close: () => browser.close(),
  };
}
