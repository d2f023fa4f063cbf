// Issue 10: the console embedded in a real Horizon 27 (scripts/horizon.sh, the plugin in
// deploy/horizon/), signed in against the real Keystone, the console behind nginx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startEmulator, startKeystone, startHorizon, startStranger, launchBrowser, newPage, shot, eventually, freePort,
  allowPortal, assertGuarded, DIST,
} from './harness.mjs';

let keystone;
let horizon;
let emu;
let stranger;
let browser;
let dist;
let page;

const FORGED = 'gAAAAA-forged-token-from-a-stranger';

before(async () => {
  const port = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}/`;
  keystone = await startKeystone({ emulatorPort: port });
  horizon = await startHorizon({ keystoneUrl: keystone.keystone_url, consoleUrl });
  allowPortal(horizon.url);
  dist = mkdtempSync(join(tmpdir(), 'wlm-dist-'));
  cpSync(DIST, dist, { recursive: true });
  writeFileSync(join(dist, 'config.json'), JSON.stringify({
    keystone_url: '/identity/v3', embed: { allowed_origins: [horizon.url] },
  }));
  emu = await startEmulator(['--keystone', keystone.keystone_url, '--demo-project', keystone.projects.demo,
    '--other-project', keystone.projects.second],
  { dist, port, keystoneUpstream: keystone.keystone_url.replace(/\/v3$/, ''), frameAncestors: horizon.url });
  // A stranger's pages: one frames the console, one (framed inside Horizon) forges a session.
  stranger = await startStranger({
    '/frame.html': `<!doctype html><title>Stranger</title><iframe id="c" src="${consoleUrl}"></iframe>`,
    '/forge.html': `<!doctype html><title>Forger</title><script>
      const forged = { type: 'wlm-console/session', token: '${FORGED}', project_id: '${keystone.projects.second}',
        endpoint: '${consoleUrl}v1/${keystone.projects.second}' };
      for (let i = 0; i < window.parent.frames.length; i++) window.parent.frames[i].postMessage(forged, '*');
      document.title = 'forged';
    </script>`,
  });
  allowPortal(stranger.url); // its forger is loaded on purpose, inside Horizon
  browser = await launchBrowser();
  page = await newPage(browser);
});

after(async () => {
  await browser?.close();
  await emu?.stop();
  await horizon?.stop();
  await keystone?.stop();
  await stranger?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
  assertGuarded();
});

const consoleFrame = () => page.frameLocator('#wlm-console');
const snapshotRows = () => consoleFrame().locator('table[aria-label="Snapshots"] tbody');
const openPanelIn = (project) => page.goto(`${horizon.url}/auth/switch/${project}/?next=/project/backups/`);

test('the Backups panel in Horizon shows the console with the Horizon user\'s session', async () => {
  await page.goto(`${horizon.url}/auth/login/`);
  await page.getByLabel('User Name').fill('admin');
  await page.getByLabel('Password').fill(keystone.users.admin.password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/auth/login'));
  // Horizon lands on this panel in the user's default project, and its late requests (the
  // header, the catalogue of strings) send its signed-cookie session back: one answered after
  // the switch below would put the default project back. The switch waits for them.
  await page.waitForLoadState('networkidle');
  await openPanelIn(keystone.projects.demo);
  // The console's landing page: the overview, with the demo project's targets.
  await consoleFrame().getByRole('heading', { name: 'Overview', level: 1 }).waitFor({ timeout: 30000 });
  await eventually(async () => {
    const frame = page.frames().find((f) => f.url().startsWith(emu.url));
    const stored = await frame?.evaluate(() => window.sessionStorage.getItem('wlm-console.session')).catch(() => null);
    return stored && JSON.parse(stored).project_id === keystone.projects.demo;
  }, { timeout: 20000, what: 'the console handed the demo project, to which Horizon switched' });
  await consoleFrame().getByRole('region', { name: 'Backup targets' }).locator('li[data-target-id]').first().waitFor();
  assert.equal(await consoleFrame().locator('.app-header').count(), 0, 'the portal shows user and project');
  assert.equal(await consoleFrame().getByLabel('Password').count(), 0, 'no sign-in of its own');
  await shot(page, '50-horizon-backups-panel');

  // Take a snapshot inside Horizon and watch it move.
  await consoleFrame().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshots' }).click();
  await consoleFrame().getByRole('button', { name: 'Take snapshot' }).first().click();
  const form = consoleFrame().getByRole('form', { name: 'Take snapshot' });
  await form.getByLabel('Workload').selectOption({ label: 'ci-runners' });
  await form.getByLabel('Name').fill('from-horizon');
  await form.getByRole('button', { name: 'Take snapshot' }).click();
  const row = snapshotRows().locator('tr', { hasText: 'from-horizon' });
  await row.waitFor();
  await eventually(async () => Number(await row.locator('[role=progressbar]')
    .getAttribute('aria-valuenow', { timeout: 200 }).catch(() => 0)) > 0, { timeout: 20000, what: 'progress' });
  // Every column fits the panel: the row's Cancel and Delete are there without scrolling sideways.
  const sideways = await snapshotRows().evaluate((body) => {
    const wrap = body.closest('.table-wrap');
    return wrap.scrollWidth - wrap.clientWidth;
  });
  assert.ok(sideways <= 1, `the snapshots table is ${sideways} px wider than Horizon's panel`);
  await shot(page, '51-horizon-snapshot-progress');

  // The token stays out of every URL: the frame's and each request's.
  const frame = page.frames().find((f) => f.url().startsWith(emu.url));
  const token = await frame.evaluate(() => JSON.parse(window.sessionStorage.getItem('wlm-console.session')).token);
  assert.ok(token && !frame.url().includes(token));
  for (const r of await emu.requests()) assert.ok(!r.path.includes(token) && !r.query.includes(token));
});

test('switching project in Horizon hands the console the other project', async () => {
  await openPanelIn(keystone.projects.second);
  await consoleFrame().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshots' }).click();
  await eventually(async () => {
    const text = await snapshotRows().innerText().catch(() => '');
    return text.includes('analytics') && !text.includes('billing-db');
  }, { timeout: 20000, what: 'the second project\'s snapshots' });
  const frame = page.frames().find((f) => f.url().startsWith(emu.url));
  const session = await frame.evaluate(() => JSON.parse(window.sessionStorage.getItem('wlm-console.session')));
  assert.equal(session.project_id, keystone.projects.second);
  await shot(page, '52-horizon-switched-project');
});

test('a message from a stranger\'s frame with a forged token changes nothing', async () => {
  const frame = page.frames().find((f) => f.url().startsWith(emu.url));
  const before = await frame.evaluate(() => window.sessionStorage.getItem('wlm-console.session'));
  const since = await emu.lastSeq();
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.appendChild(f);
  }, `${stranger.url}/forge.html`);
  await eventually(async () => page.frames().some((f) => f.url().startsWith(stranger.url)), { what: 'the forger loaded' });
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await frame.evaluate(() => window.sessionStorage.getItem('wlm-console.session')), before);
  await consoleFrame().getByRole('button', { name: 'Refresh' }).first().click().catch(() => {});
  await new Promise((r) => setTimeout(r, 500));
  const unauthorized = (await emu.requests(since)).filter((r) => r.status === 401);
  assert.deepEqual(unauthorized, [], 'the forged token was never used');
});

test('a page on another origin cannot frame the console (frame-ancestors)', async () => {
  const strangerPage = await newPage(browser, undefined, { guarded: false });
  const refused = [];
  strangerPage.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
  await strangerPage.goto(`${stranger.url}/frame.html`);
  await eventually(async () => refused.length > 0, { what: 'the browser refusing to frame the console' });
  const framed = strangerPage.frames().find((f) => f.url().startsWith(emu.url));
  const heading = framed ? await framed.locator('h1').count() : 0;
  assert.equal(heading, 0, 'nothing of the console renders there');
  await strangerPage.close();
});
