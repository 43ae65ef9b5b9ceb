// The editor area in a real browser: an administrator signs in with the one-time password
// `farol user add` printed, is made to change it, turns on two-step verification (the test computes
// the TOTP codes), signs out and in again with a code, adds an editor and, once that editor is signed
// in from a second browser, disables the account and sees the editor's session end. Along the way:
// nothing leaves 127.0.0.1, no console errors, no 5xx, every editor answer is `no-store`, the session
// cookie is HttpOnly and SameSite=Strict. Then axe-core checks every editor page the flow saw.
// Usage: node editor.mjs BASE_URL OUT_DIR ADMIN_NAME ADMIN_ONE_TIME_PASSWORD
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { openHarness, step } from './harness.mjs';

const [base, outDir, adminName, adminOneTime] = process.argv.slice(2);
assert.ok(base && outDir && adminName && adminOneTime, 'usage: editor.mjs BASE_URL OUT_DIR ADMIN ONE_TIME_PASSWORD');
const started = Date.now();

// Passphrases the strength check accepts: a few unrelated words.
const adminPassword = 'harbour lantern violet cobalt 41';
const editorName = 'bia.editor';
const editorPassword = 'quiet river maple signal 27';

// RFC 4648 base32 (no padding) → bytes.
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out = [];
  for (const c of text.replace(/\s+/g, '').toUpperCase()) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) { bits -= 8; out.push((value >>> bits) & 0xff); }
  }
  return Buffer.from(out);
}

// RFC 6238: HOTP (RFC 4226) over the 30-second step counted from the Unix epoch, 6 digits.
const totpStepNow = () => Math.floor(Date.now() / 1000 / 30);
function totp(key, counter) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(binary).padStart(6, '0');
}
// RFC 6238's own test vector (SHA-1, T = 59 s → step 1, 8 digits 94287082 → 6 digits 287082).
assert.equal(totp(Buffer.from('12345678901234567890'), 1), '287082');

const harness = await openHarness(base);
const { browser, problems, expectedErrorStatuses, documentStatus, newWatchedContext, trackStatus, snapshot, path, submit,
  sessionCookie, signInWithPassword, signedInAs, changePassword } = harness;

async function expectError(page, url, status) {
  expectedErrorStatuses.add(`${status} ${url}`);
  const response = await page.goto(url);
  assert.equal(response.status(), status, url);
}

async function signOut(page) {
  await submit(page, 'header .who form[action="/editor/sign-out"] button');
  assert.equal(path(page), '/editor/sign-in?signed_out=1');
}

try {
  const admin = await newWatchedContext('admin', { viewport: { width: 1280, height: 900 } });
  const page = trackStatus(await admin.newPage());

  step('(1) an unsigned visitor to /editor/ is sent to the sign-in page');
  await page.goto(base + '/editor/');
  assert.equal(path(page), '/editor/sign-in?next=%2Feditor%2F');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await snapshot(page, 'sign-in (en)', '#name');
  await page.screenshot({ path: join(outDir, 'editor-sign-in.png'), fullPage: true });

  step('(1) a wrong password is refused');
  expectedErrorStatuses.add(`422 ${base}/editor/sign-in`);
  await signInWithPassword(page, adminName, 'not the password at all');
  assert.equal(documentStatus.get(page), 422);
  assert.equal(path(page), '/editor/sign-in');
  assert.equal(await page.getAttribute('#name', 'aria-invalid'), 'true');
  await snapshot(page, 'sign-in, refused', '.error-summary');

  step('(1) sign in with the one-time password from `farol user add`');
  await signInWithPassword(page, adminName, adminOneTime);
  step('(2) the first stop is the password change, and /editor/ leads back to it');
  assert.equal(path(page), '/editor/account/password');
  assert.equal(await page.locator('main .notice').count(), 1, 'no first-sign-in notice');
  await sessionCookie(admin, 'admin');
  await snapshot(page, 'password change (first sign-in)', '#current');
  for (const elsewhere of ['/editor/', '/editor/users', '/editor/account']) {
    await page.goto(base + elsewhere);
    assert.equal(new URL(page.url()).pathname, '/editor/account/password', `${elsewhere} did not lead to the password page`);
  }

  step('(2) a mismatched repeat is refused, then the password is changed');
  expectedErrorStatuses.add(`422 ${base}/editor/account/password`);
  await page.fill('#current', adminOneTime);
  await page.fill('#password', adminPassword);
  await page.fill('#repeat', adminPassword + 'x');
  await submit(page, 'main form button[type="submit"]');
  assert.equal(documentStatus.get(page), 422);
  assert.equal(await page.getAttribute('#repeat', 'aria-invalid'), 'true');
  await snapshot(page, 'password change, refused', '.error-summary');
  await changePassword(page, adminOneTime, adminPassword);
  assert.equal(path(page), '/editor/?password_changed=1');
  await signedInAs(page, adminName, 'Administrator');
  await snapshot(page, 'home (admin)', 'header .who');

  step('(3) turn on two-step verification with a TOTP code computed here');
  await page.goto(base + '/editor/account');
  await page.click('a[href="/editor/account/two-step"]');
  assert.equal(path(page), '/editor/account/two-step');
  assert.equal(await page.locator('figure.qr svg').count(), 1, 'no inline SVG QR code');
  const secretText = (await page.locator('code#secret').textContent()).trim();
  assert.match(secretText, /^[A-Z2-7]+$/, 'the secret is not unpadded base32');
  const key = base32Decode(secretText);
  assert.equal(key.length, 20);
  assert.equal((await page.getAttribute('input[name="secret"]', 'value')).toLowerCase(), key.toString('hex'),
    'the hidden secret is not the shown one');
  await snapshot(page, 'two-step enrolment', 'figure.qr svg');
  await page.screenshot({ path: join(outDir, 'editor-two-step.png'), fullPage: true });
  const enrolStep = totpStepNow();
  const enrolCode = totp(key, enrolStep);
  await page.fill('#code', enrolCode);
  await submit(page, 'main form button[type="submit"]');
  const recoveryCodes = (await page.locator('ul#recovery-codes li code').allTextContents()).map((c) => c.trim());
  assert.equal(recoveryCodes.length, 10, `expected 10 recovery codes, got ${recoveryCodes.length}`);
  assert.equal(new Set(recoveryCodes).size, 10, 'recovery codes repeat');
  await snapshot(page, 'recovery codes', 'ul#recovery-codes');
  await page.screenshot({ path: join(outDir, 'editor-recovery-codes.png'), fullPage: true });
  await page.click('main a[href="/editor/"]');
  assert.equal(path(page), '/editor/');

  step('(4) sign out');
  await signOut(page);
  assert.equal(await page.locator('main .notice').count(), 1, 'no signed-out notice');
  assert.equal((await admin.cookies(base)).filter((c) => c.name === 'farol_session' && c.value !== '').length, 0,
    'the session cookie survived signing out');
  await page.goto(base + '/editor/');
  assert.equal(new URL(page.url()).pathname, '/editor/sign-in');

  step('(5) sign in with password and a TOTP code; the enrolment code cannot be replayed');
  await signInWithPassword(page, adminName, adminPassword);
  assert.equal(path(page), '/editor/sign-in/code');
  await snapshot(page, 'sign-in code', '#code');
  // Until the code is in, nothing else opens.
  await page.goto(base + '/editor/account');
  assert.notEqual(new URL(page.url()).pathname, '/editor/account', 'the account page opened before the code');
  await page.goto(base + '/editor/sign-in/code');
  expectedErrorStatuses.add(`422 ${base}/editor/sign-in/code`);
  await page.fill('#code', enrolCode);
  await submit(page, 'main form button[type="submit"]');
  assert.equal(documentStatus.get(page), 422, 'the enrolment code was accepted a second time');
  assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
  await snapshot(page, 'sign-in code, refused', '.error-summary');
  // The server takes the steps either side of its own (±30 s of drift) and refuses a step it has
  // seen, so the step after the enrolment's is always good without waiting for the clock.
  const signInStep = Math.max(totpStepNow(), enrolStep + 1);
  await page.fill('#code', totp(key, signInStep));
  await submit(page, 'main form button[type="submit"]');
  assert.equal(path(page), '/editor/');
  await signedInAs(page, adminName, 'Administrator');
  await sessionCookie(admin, 'admin');

  step('account page: this session, two-step on with 10 recovery codes');
  await page.goto(base + '/editor/account');
  assert.match(await page.locator('main').textContent(), /Two-step verification is on\.\s*Recovery codes left:\s*10/);
  assert.equal(await page.locator('main table tbody tr').filter({ hasText: 'this session' }).count(), 1);
  await snapshot(page, 'account', 'main table');

  step('settings: the checkbox saves');
  await page.goto(base + '/editor/settings');
  await snapshot(page, 'settings', '#admins_need_second_factor');
  await page.check('#admins_need_second_factor');
  await submit(page, 'main form button[type="submit"]');
  assert.equal(await page.locator('main .notice', { hasText: 'The settings were saved.' }).count(), 1);
  await page.goto(base + '/editor/settings');
  assert.equal(await page.isChecked('#admins_need_second_factor'), true);

  step('(6) add an editor; its one-time password is on the page');
  await page.goto(base + '/editor/users');
  await snapshot(page, 'users', '#role');
  await page.fill('#name', editorName);
  await page.selectOption('#role', 'editor');
  await submit(page, 'main form button[type="submit"]');
  assert.equal((await page.locator('#new-name').textContent()).trim(), editorName);
  const editorOneTime = (await page.locator('code#one-time-password').textContent()).trim();
  assert.equal(editorOneTime.length, 24, `one-time password "${editorOneTime}"`);
  await snapshot(page, 'one-time password', 'code#one-time-password');
  await page.goto(base + '/editor/users');
  assert.equal(await page.locator('main table tbody tr').filter({ hasText: editorName }).count(), 1);
  await page.screenshot({ path: join(outDir, 'editor-users.png'), fullPage: true });

  step('(7) a second browser signs in as the editor and changes the password');
  const phone = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
  const editor = await newWatchedContext('editor', phone);
  const editorPage = trackStatus(await editor.newPage());
  await editorPage.goto(base + '/editor/sign-in');
  await signInWithPassword(editorPage, editorName, editorOneTime);
  assert.equal(path(editorPage), '/editor/account/password');
  await editorPage.goto(base + '/editor/');
  assert.equal(path(editorPage), '/editor/account/password', '/editor/ opened before the password change');
  await changePassword(editorPage, editorOneTime, editorPassword);
  assert.equal(path(editorPage), '/editor/?password_changed=1');
  await signedInAs(editorPage, editorName, 'Editor');
  assert.equal(await editorPage.locator('a[href="/editor/users"]').count(), 0, 'an editor is offered the users page');
  await sessionCookie(editor, 'editor');
  await snapshot(editorPage, 'home (editor, phone)', 'header .who');
  await editorPage.screenshot({ path: join(outDir, 'editor-home-phone.png'), fullPage: true });
  await expectError(editorPage, base + '/editor/users', 403);
  await snapshot(editorPage, 'error 403 (editor on /editor/users)', 'main h1');

  step('(8) the administrator sees the editor\'s session and disables the account');
  await page.goto(`${base}/editor/users/${editorName}`);
  assert.equal(await page.locator('table[aria-labelledby="user-sessions"] tbody tr').count(), 1,
    'the editor\'s open session is not listed');
  await snapshot(page, 'user detail', 'main .actions');
  await submit(page, 'button:has-text("Disable account and end its sessions")');
  assert.equal(await page.locator('main', { hasText: 'The account is disabled and its sessions have ended.' }).count(), 1);
  assert.match(await page.locator('dl.facts').textContent(), /Disabled/);
  assert.equal(await page.locator('table[aria-labelledby="user-sessions"] tbody tr').count(), 0);
  assert.equal(await page.locator('button', { hasText: 'Enable account' }).count(), 1);
  await page.screenshot({ path: join(outDir, 'editor-user-disabled.png'), fullPage: true });

  step('(8) the editor\'s next page is the sign-in page, and signing in again is refused');
  await editorPage.goto(base + '/editor/');
  assert.equal(new URL(editorPage.url()).pathname, '/editor/sign-in', `the disabled editor reached ${editorPage.url()}`);
  await signInWithPassword(editorPage, editorName, editorPassword);
  assert.equal(documentStatus.get(editorPage), 422, 'a disabled account signed in');
  assert.equal(new URL(editorPage.url()).pathname, '/editor/sign-in');

  step('audit log shows the story');
  await page.goto(base + '/editor/audit');
  const audit = await page.locator('main table tbody').textContent();
  for (const action of ['password.change', 'two_step.enable', 'sign_in.password', 'sign_in', 'user.add', 'user.disable', 'settings.change'])
    assert.ok(audit.includes(action), `audit log has no ${action}`);
  assert.ok(audit.includes(`user:${editorName}`), 'audit log does not name the editor');
  await snapshot(page, 'audit', 'main table');

  step('a missing user is a 404 page');
  await expectError(page, `${base}/editor/users/nobody`, 404);
  await snapshot(page, 'error 404', 'main h1');

  step('pt-BR: the signed-in home page, then the sign-in page');
  // Another context (Accept-Language is per context) holding the administrator's session.
  const portuguese = await newWatchedContext('pt-BR', {
    locale: 'pt-BR', extraHTTPHeaders: { 'Accept-Language': 'pt-BR' }, storageState: await admin.storageState() });
  const ptPage = trackStatus(await portuguese.newPage());
  await ptPage.goto(base + '/editor/');
  assert.equal(path(ptPage), '/editor/');
  assert.equal(await ptPage.getAttribute('html', 'lang'), 'pt-BR');
  assert.match(await ptPage.locator('header .who').textContent(), new RegExp(`Conectado como\\s+${adminName}`));
  await snapshot(ptPage, 'home (pt-BR)', 'header .who');
  await portuguese.clearCookies();
  await ptPage.goto(base + '/editor/sign-in');
  assert.equal(await ptPage.getAttribute('html', 'lang'), 'pt-BR');
  assert.equal((await ptPage.locator('main form button[type="submit"]').textContent()).trim(), 'Entrar');
  await snapshot(ptPage, 'sign-in (pt-BR)', '#name');
  await ptPage.screenshot({ path: join(outDir, 'editor-sign-in-pt-BR.png'), fullPage: true });

  step('sign out and in again with a recovery code');
  await signOut(page);
  await signInWithPassword(page, adminName, adminPassword);
  assert.equal(path(page), '/editor/sign-in/code');
  await page.fill('#code', recoveryCodes[0]);
  await submit(page, 'main form button[type="submit"]');
  assert.equal(path(page), '/editor/');
  await page.goto(base + '/editor/account');
  assert.match(await page.locator('main').textContent(), /Recovery codes left:\s*9/);

  for (const line of problems) console.log(`problem: ${line}`);
  assert.deepEqual(problems, [], 'requests left the site, failed or broke the rules, or the console logged errors');

  await harness.accessibility();
  console.log(`browser: all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
}

