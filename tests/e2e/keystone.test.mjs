// Issue 8: signing in the OpenStack way against a real Keystone (scripts/keystone.sh): password
// and token sign-in, project pick and switch, re-authentication in place, sign-out that revokes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startEmulator, startKeystone, launchBrowser, newPage, shot, assertAccessible, eventually, freePort, assertGuarded, DIST,
} from './harness.mjs';

let keystone;
let emu;
let browser;
let dist;

before(async () => {
  const port = await freePort();
  keystone = await startKeystone({ emulatorPort: port });
  dist = mkdtempSync(join(tmpdir(), 'wlm-dist-'));
  cpSync(DIST, dist, { recursive: true });
  // Keystone behind the same nginx origin; no endpoint: the console finds the API in the catalog.
  writeFileSync(join(dist, 'config.json'), JSON.stringify({ keystone_url: '/identity/v3', title: 'Backup Console' }));
  emu = await startEmulator(['--keystone', keystone.keystone_url, '--demo-project', keystone.projects.demo,
    '--other-project', keystone.projects.second], { dist, port, keystoneUpstream: keystone.keystone_url.replace(/\/v3$/, '') });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await emu?.stop();
  await keystone?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
  assertGuarded();
});

async function passwordSignIn(page, user, { project, password, path = '/' } = {}) {
  await page.goto(emu.url + path);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password ?? keystone.users[user].password);
  if (project) await page.getByLabel('Project (optional)').fill(project);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const header = (page) => page.locator('.app-header');
const sessionToken = (page) => page.evaluate(() => JSON.parse(window.sessionStorage.getItem('wlm-console.session')).token);

test('a member signs in with a password, sees the demo project, and is refused a target change', async () => {
  const page = await newPage(browser);
  await page.goto(emu.url + '/');
  await page.getByRole('button', { name: 'Password' }).waitFor();
  await shot(page, '40-keystone-login');
  await assertAccessible(page, 'Keystone login page');
  await passwordSignIn(page, 'member', { project: 'demo' });
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await eventually(async () => /User\s*member/.test(await header(page).innerText()), { what: 'the user in the header' });
  assert.match(await header(page).innerText(), /Region\s*RegionOne/);
  assert.equal(await page.getByRole('combobox', { name: 'Project' }).locator('option:checked').innerText(), 'demo');
  await shot(page, '41-keystone-member');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshots' }).click();
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();

  await page.goto(emu.url + '/backup-targets/new');
  await page.getByLabel('Filesystem export').fill('10.0.0.9:/exports/member');
  await page.getByRole('button', { name: 'Create target' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '403' }).first();
  await alert.waitFor();
  assert.match(await alert.innerText(), /Policy doesn't allow this operation/);
  assert.equal(await page.getByLabel('Filesystem export').inputValue(), '10.0.0.9:/exports/member');

  // Every call went to the emulator named in the catalog, with the token in a header only.
  const token = await sessionToken(page);
  const requests = await emu.requests();
  assert.ok(requests.length > 3);
  for (const r of requests) {
    assert.ok(!r.path.includes(token) && !r.query.includes(token), 'no token in a URL');
    assert.equal(r.project_header, keystone.projects.demo);
  }
  assert.equal(await page.getByLabel('Password').count(), 0);

  // The emulator holds the token to its project and role, as Workloadmgr does with Keystone.
  const otherProject = await emu.api('GET', '/snapshots', token, undefined, keystone.projects.second);
  assert.equal(otherProject.status, 403, 'another project\'s URL');
  const allProjects = await emu.api('GET', '/snapshots?all=true', token, undefined, keystone.projects.demo);
  assert.equal(allProjects.status, 403, 'all=true needs the admin role');
  assert.deepEqual(page.errors, []);
});

test('a wrong password is refused in Keystone\'s words, with its request id', async () => {
  const page = await newPage(browser);
  await passwordSignIn(page, 'admin', { password: 'not-the-password' });
  const alert = page.getByRole('alert').filter({ hasText: 'Keystone refused' });
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /The request you have made requires authentication/);
  assert.match(text, /Request ID: req-/);
  assert.ok(!text.includes('not-the-password'));
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'the password is not kept');
  assert.equal(await page.getByLabel('User name').inputValue(), 'admin', 'the user name is');
  assert.equal(await page.evaluate(() => window.sessionStorage.length), 0);
  await shot(page, '42-keystone-wrong-password');
});

test('without a project the admin picks one, then switches to another from the header', async () => {
  const page = await newPage(browser);
  await passwordSignIn(page, 'admin');
  const pick = page.getByRole('combobox', { name: 'Project' });
  await pick.waitFor();
  const offered = await pick.locator('option').allInnerTexts();
  for (const name of ['admin', 'demo', 'second']) assert.ok(offered.includes(name), offered.join(','));
  await shot(page, '43-keystone-pick-project');
  await assertAccessible(page, 'project pick');
  await pick.selectOption({ label: 'second' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

  // The second project has the "analytics" workload's snapshots only; the admin may change targets.
  await page.goto(emu.url + '/snapshots');
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();
  const switcher = page.getByRole('combobox', { name: 'Project' });
  assert.equal(await switcher.locator('option:checked').innerText(), 'second');
  const secondRows = await page.locator('table[aria-label="Snapshots"] tbody').innerText();
  assert.ok(!secondRows.includes('billing-db'), 'no data of the demo project');

  await switcher.selectOption({ label: 'demo' });
  await eventually(async () => (await page.locator('table[aria-label="Snapshots"] tbody').innerText()).includes('billing-db'),
    { what: 'the demo project\'s snapshots after the switch' });
  assert.match(page.url(), /\/snapshots$/, 'the admin stays on the page');
  const stored = await page.evaluate(() => JSON.parse(window.sessionStorage.getItem('wlm-console.session')));
  assert.equal(stored.project_id, keystone.projects.demo);
  await shot(page, '44-keystone-switched');
  assert.deepEqual(page.errors, []);
});

test('a pasted token is checked by Keystone and names its user and project', async () => {
  const token = await keystone.passwordToken('member', 'demo');
  const page = await newPage(browser);
  await page.goto(emu.url + '/');
  await page.getByRole('button', { name: 'Token' }).click();
  const field = page.getByLabel('Token');
  assert.equal(await field.getAttribute('type'), 'password');
  assert.equal(await field.getAttribute('autocomplete'), 'off');
  await field.fill(token);
  await page.getByRole('button', { name: 'Sign in with token' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await eventually(async () => /User\s*member/.test(await header(page).innerText()), { what: 'the user in the header' });
});

test('a token revoked mid-session asks to sign in again over the page, which keeps what was typed', async () => {
  const page = await newPage(browser);
  await passwordSignIn(page, 'admin', { project: 'demo', path: '/backup-targets/new' });
  await page.getByLabel('Filesystem export').fill('10.1.2.3:/exports/half-done');
  await page.getByLabel('Target type name').fill('kept-after-reauth');
  const revoked = await sessionToken(page);
  const adminToken = await keystone.passwordToken('admin', 'admin');
  assert.equal((await keystone.call('DELETE', '/auth/tokens', { token: adminToken, subject: revoked })).status, 204);
  await new Promise((r) => setTimeout(r, 3500)); // the emulator's brief cache of Keystone's answer
  const since = await emu.lastSeq();
  await page.getByRole('button', { name: 'Create target' }).click();

  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await dialog.waitFor();
  await shot(page, '45-keystone-reauth');
  assert.equal(await dialog.getByLabel('User name').inputValue(), 'admin');
  assert.ok(await dialog.getByLabel('User name').isDisabled(), 'the same user only');
  await dialog.getByLabel('Password').fill(keystone.users.admin.password);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  assert.equal(await page.getByLabel('Filesystem export').inputValue(), '10.1.2.3:/exports/half-done');
  assert.equal(await page.getByLabel('Target type name').inputValue(), 'kept-after-reauth');
  assert.notEqual(await sessionToken(page), revoked);
  const posts = (await emu.requests(since)).filter((r) => r.method === 'POST');
  assert.deepEqual(posts.map((r) => r.status), [401], 'the failed creation is not replayed');
  assert.match(page.url(), /\/backup-targets\/new$/);

  // Submitted again by the admin, with the new token: the admin role may create it.
  await page.getByRole('button', { name: 'Create target' }).click();
  await eventually(async () => (await emu.requests(since)).filter((r) => r.method === 'POST').map((r) => r.status).join() === '401,202'
    || (await emu.requests(since)).filter((r) => r.method === 'POST').map((r) => r.status).join() === '401,200',
  { what: 'the second submission to succeed' });
  assert.deepEqual(page.errors, []);
});

test('sign-out revokes the token in Keystone and empties sessionStorage', async () => {
  const page = await newPage(browser);
  await passwordSignIn(page, 'member', { project: 'demo' });
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  const token = await sessionToken(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to the Backup Console' }).waitFor();
  assert.equal(await page.evaluate(() => window.sessionStorage.length), 0);
  const check = await keystone.call('GET', '/auth/tokens', { token: await keystone.passwordToken('admin', 'admin'), subject: token });
  assert.equal(check.status, 404, 'Keystone no longer knows the token');
});
