// Issue 4: take, watch, cancel, delete, filter, bookmark; polling stops once nothing moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useSuite, newPage, signIn, shot, assertAccessible, eventually, rowsDrawn, storeSession, iso, PROJECT, OTHER_PROJECT, MEMBER, ADMIN,
} from './harness.mjs';

const CI_RUNNERS = '6c5d4e3f-2a1b-4c9d-8e7f-6a5b4c3d2e1f';
const BILLING = '4b9e2c61-7a3d-4f0e-8c55-1d2e3f4a5b6c';
let emu;
let browser;
let page;
useSuite({ signInAs: { token: MEMBER, path: '/snapshots' }, ready: 'table[aria-label="Snapshots"] tbody tr' },
  (s) => ({ emu, browser, page } = s));

const table = () => page.locator('table[aria-label="Snapshots"]');
const rowNamed = (name) => table().locator('tbody tr', { has: page.getByRole('link', { name, exact: true }) });
const snapshotRequests = async (since, id) => (await emu.requests(since)).filter((r) => r.method === 'GET' && r.path.endsWith(`/snapshots/${id}`));

async function takeFromList(name, full) {
  await page.getByRole('button', { name: 'Take snapshot' }).first().click();
  const form = page.getByRole('form', { name: 'Take snapshot' });
  await form.getByLabel('Workload').selectOption(CI_RUNNERS);
  await form.getByLabel(full ? 'Full' : 'Incremental').check();
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Description').fill(`${name} from e2e`);
  await form.getByRole('button', { name: 'Take snapshot' }).click();
  await rowNamed(name).waitFor();
  return rowNamed(name);
}

test('the list, the take form and a detail page pass axe', async () => {
  await assertAccessible(page, 'snapshot list');
  await page.getByRole('button', { name: 'Take snapshot' }).first().click();
  await page.getByRole('form', { name: 'Take snapshot' }).waitFor();
  await assertAccessible(page, 'take-snapshot form');
  await shot(page, '20-take-snapshot-form');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const first = table().locator('tbody tr a').first();
  await first.click();
  await page.getByRole('heading', { name: /Instances/ }).waitFor();
  await assertAccessible(page, 'snapshot detail');
  await shot(page, '21-snapshot-detail');
  await page.goto(emu.url + '/snapshots/new');
  await page.getByLabel('Workload').waitFor();
  await assertAccessible(page, 'take-snapshot page');
  await page.goto(emu.url + '/snapshots');
  await table().locator('tbody tr').first().waitFor();
});

let fullId;
test('a full snapshot appears at once and its progress rises to available without a reload', async () => {
  const since = await emu.lastSeq();
  const row = await takeFromList('e2e-full', true);
  fullId = await row.getAttribute('data-snapshot-id');
  assert.equal(await row.getAttribute('data-status'), 'creating', 'shown with the status the server returned');
  const post = (await emu.requests(since)).find((r) => r.method === 'POST');
  assert.equal(post.path, `/v1/${PROJECT}/workloads/${CI_RUNNERS}`);
  assert.equal(post.query, 'full=True');
  assert.deepEqual(JSON.parse(post.body), { snapshot: { is_scheduled: false, name: 'e2e-full', description: 'e2e-full from e2e' } });
  await page.evaluate(() => { window.__notReloaded = true; });

  const seen = [];
  await eventually(async () => {
    const r = rowNamed('e2e-full');
    const status = await r.getAttribute('data-status');
    const bar = r.locator('[role=progressbar]');
    // The bar goes away when the snapshot finishes: read it without waiting for it.
    const now = await bar.getAttribute('aria-valuenow', { timeout: 200 }).catch(() => null);
    if (now !== null) seen.push(Number(now));
    if (seen.length === 3) await shot(page, '22-snapshot-in-progress');
    return status === 'available';
  }, { timeout: 30000, every: 300, what: 'snapshot to become available' });
  assert.ok(await page.evaluate(() => window.__notReloaded === true), 'the page was never reloaded');
  assert.ok(seen.some((p) => p > 0 && p < 100), `progress was shown rising: ${seen}`);
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1], `never goes back: ${seen}`);
  const polls = await snapshotRequests(since, fullId);
  assert.ok(polls.length >= 2, 'polled the moving snapshot');
  const others = (await emu.requests(since)).filter((r) => r.method === 'GET' && /\/snapshots\/[^/]+$/.test(r.path) && !r.path.endsWith(fullId));
  assert.equal(others.length, 0, 'only moving snapshots are polled');
  assert.ok(polls.length <= 6, `polls at 2-3 s, not faster (${polls.length} in ~6 s)`);
});

test('polling stops once nothing is in progress', async () => {
  await new Promise((r) => setTimeout(r, 1000));
  const since = await emu.lastSeq();
  await new Promise((r) => setTimeout(r, 6000));
  const polls = (await emu.requests(since)).filter((r) => r.method === 'GET' && r.path.includes('/snapshots'));
  assert.deepEqual(polls.map((r) => r.path), [], 'no request while every snapshot is final');
});

test('a hidden page sends no polls, and polling resumes when it is shown again', async () => {
  const row = await takeFromList('e2e-hidden', false);
  const id = await row.getAttribute('data-snapshot-id');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await new Promise((r) => setTimeout(r, 1000));
  const since = await emu.lastSeq();
  await new Promise((r) => setTimeout(r, 4000));
  assert.equal((await snapshotRequests(since, id)).length, 0, 'no polling while hidden');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await eventually(async () => (await rowNamed('e2e-hidden').getAttribute('data-status')) === 'available',
    { timeout: 20000, what: 'available after the page is shown again' });
  assert.ok((await snapshotRequests(since, id)).length >= 1);
});

test('take another and cancel it from its row', async () => {
  const since = await emu.lastSeq();
  const row = await takeFromList('e2e-cancel-me', false);
  const id = await row.getAttribute('data-snapshot-id');
  // A double click sends one cancel.
  await row.getByRole('button', { name: 'Cancel snapshot e2e-cancel-me' }).dblclick();
  await eventually(async () => (await rowNamed('e2e-cancel-me').getAttribute('data-status')) === 'cancelled',
    { timeout: 20000, what: 'cancelled' });
  const cancels = (await emu.requests(since)).filter((r) => r.path.endsWith(`/snapshots/${id}/cancel`));
  assert.equal(cancels.length, 1, 'one cancel for two clicks');
  assert.equal(cancels[0].method, 'GET');
  const post = (await emu.requests(since)).find((r) => r.method === 'POST');
  assert.equal(post.query, '', 'incremental: no full=True');
  assert.match(await rowNamed('e2e-cancel-me').innerText(), /cancelled/);
});

test('repeated poll failures are told on the row and in the live indicator, and clear once polls work', async () => {
  const row = await takeFromList('e2e-poll-faults', false);
  const id = await row.getAttribute('data-snapshot-id');
  for (let i = 0; i < 2; i += 1) {
    await emu.failNext({ status: 500, body: '{"computeFault": {"message": "Database unavailable", "code": 500}}',
      path_contains: `/snapshots/${id}`, method: 'GET' });
  }
  const notice = rowNamed('e2e-poll-faults').locator('.stale-notice');
  await notice.waitFor({ timeout: 20000 });
  assert.match(await notice.innerText(), /Could not be refreshed \(HTTP 500\)/);
  assert.match(await page.locator('.live-indicator').innerText(), /request \u2068req-/);
  const indicator = page.locator('.live-indicator');
  assert.match(await indicator.innerText(), /Not updating 1 snapshot: HTTP 500/);
  assert.doesNotMatch(await indicator.innerText(), /● Live/, 'not called live while failing');
  await shot(page, '26-snapshot-poll-failing', { fullPage: false });
  await eventually(async () => (await rowNamed('e2e-poll-faults').getAttribute('data-status')) === 'available',
    { timeout: 30000, what: 'recovery once polls work again' });
  assert.equal(await rowNamed('e2e-poll-faults').locator('.stale-notice').count(), 0);
  assert.doesNotMatch(await indicator.innerText(), /Not updating/);
});

test('delete a snapshot: confirmed, then gone', async () => {
  const since = await emu.lastSeq();
  await rowNamed('e2e-full').getByRole('button', { name: 'Delete snapshot e2e-full' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /e2e-full/);
  await dialog.getByRole('button', { name: 'Delete snapshot' }).click();
  await page.getByText(/Deleted snapshot \u2068e2e-full\u2069\. Task \u2068[0-9a-f-]+\u2069\./).waitFor();
  await rowNamed('e2e-full').waitFor({ state: 'detached', timeout: 20000 });
  const del = (await emu.requests(since)).find((r) => r.method === 'DELETE');
  assert.equal(del.path, `/v1/${PROJECT}/snapshots/${fullId}`);
  assert.equal((await emu.api('GET', `/snapshots/${fullId}`, MEMBER)).status, 404);
});

test('a 404 on delete says not found and keeps the row the server still has', async () => {
  const row = table().locator('tbody tr[data-status=available]').first();
  const id = await row.getAttribute('data-snapshot-id');
  const name = (await row.locator('td').nth(1).locator('a').innerText()).trim();
  await emu.failNext({ status: 404, body: '{"itemNotFound": {"message": "Snapshot could not be found.", "code": 404}}',
    path_contains: `/snapshots/${id}`, method: 'DELETE' });
  await row.getByRole('button', { name: `Delete snapshot ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete snapshot' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'not found' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /404/);
  assert.equal(await page.getByText(`Deleted snapshot ${iso(name)}.`).count(), 0, 'never claims a delete that did not happen');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  assert.equal(await table().locator(`tbody tr[data-snapshot-id="${id}"]`).count(), 1, 'the row the server still has stays');
  assert.equal((await emu.api('GET', `/snapshots/${id}`, MEMBER)).status, 200);
});

test('bulk delete asks with the names and deletes the selected', async () => {
  const rows = table().locator('tbody tr[data-status=available]');
  const names = [];
  for (const i of [0, 1]) {
    const r = rows.nth(i);
    names.push((await r.locator('td:nth-child(2) a').innerText()).trim());
    await r.locator('input[type=checkbox]').check();
  }
  await page.getByText('2 selected').waitFor();
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 snapshots?' });
  await dialog.waitFor();
  for (const n of names) assert.match(await dialog.innerText(), new RegExp(n));
  await shot(page, '23-bulk-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete snapshots' }).click();
  for (const n of names) await rowNamed(n).waitFor({ state: 'detached', timeout: 20000 });
});

test('filters go into the URL, apply to the rows and survive a reload', async () => {
  await page.getByLabel('Workload', { exact: true }).selectOption(BILLING);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(new RegExp(`workload_id=${BILLING}`));
  await eventually(async () => {
    const cells = await table().locator('tbody tr td:nth-child(6)').allInnerTexts();
    return cells.length > 0 && cells.every((c) => c.trim() === 'billing-db');
  }, { what: 'only billing-db rows' });
  const expected = (await emu.api('GET', `/snapshots?workload_id=${BILLING}`, MEMBER)).body.snapshots;
  const dateFrom = expected[Math.floor(expected.length / 2)].created_at.slice(0, 19);
  await page.getByLabel('From (UTC)').fill('2024-13-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Use YYYY-MM-DDTHH:MM:SS').first().waitFor();
  await page.getByLabel('From (UTC)').fill(dateFrom);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/date_from=/);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('workload_id'), BILLING);
  assert.equal(url.searchParams.get('date_from'), dateFrom);
  const want = (await emu.api('GET', `/snapshots?workload_id=${BILLING}&date_from=${dateFrom}`, MEMBER)).body.snapshots.length;
  await eventually(async () => (await table().locator('tbody tr').count()) === want, { what: `${want} rows` });
  const listCall = (await emu.requests()).filter((r) => r.path.endsWith('/snapshots')).pop();
  assert.deepEqual(Object.fromEntries(new URLSearchParams(listCall.query)), { workload_id: BILLING, date_from: dateFrom },
    'the API gets the documented parameter names');
  await shot(page, '24-snapshots-filtered');
  await page.reload();
  await table().locator('tbody tr').first().waitFor();
  assert.equal(await page.getByLabel('From (UTC)').inputValue(), dateFrom, 'filters survive a reload');
  assert.equal(await table().locator('tbody tr').count(), want);
  // Text search is instant and local.
  const before = await emu.lastSeq();
  await page.getByLabel('Search name, description, ID').fill('nightly-2');
  await eventually(async () => (await table().locator('tbody tr').allInnerTexts()).every((t) => t.includes('nightly-2')), { what: 'search' });
  assert.equal((await emu.requests(before)).length, 0, 'search sends nothing');
});

test('all projects is for admins: a member gets the server refusal on screen', async () => {
  await page.goto(emu.url + '/snapshots?all=true');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load snapshots' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /403/);
  assert.match(await alert.innerText(), /Request ID: req-/);
});

test('a bookmarked detail URL opens after signing in', async () => {
  const id = (await emu.api('GET', '/snapshots', ADMIN)).body.snapshots[3].id;
  const fresh = await newPage(browser);
  await fresh.goto(`${emu.url}/snapshots/${id}`);
  await fresh.getByLabel('Project ID').waitFor();
  await fresh.getByLabel('Project ID').fill(PROJECT);
  await fresh.getByLabel('Token').fill(MEMBER);
  await fresh.getByRole('button', { name: 'Sign in' }).click();
  await fresh.waitForURL(new RegExp(`/snapshots/${id}$`));
  await fresh.getByRole('heading', { name: /Instances \(\d\)/ }).waitFor();
  assert.match(await fresh.locator('main').innerText(), /Network interfaces/);
  await shot(fresh, '25-snapshot-detail-bookmarked');
  assert.deepEqual(fresh.errors, []);
});

test('with all projects, the snapshots of another project are shown but offer no action from this scope', async () => {
  const admin = await newPage(browser);
  await signIn(admin, emu.url, { token: ADMIN, path: '/snapshots?all=true' });
  const rows = admin.locator('table[aria-label="Snapshots"] tbody tr');
  const theirs = rows.filter({ hasText: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a' }).first();
  const ours = rows.filter({ hasText: 'Workload_1' }).and(admin.locator('[data-status=available]')).first();
  await theirs.waitFor();
  // Own rows get their actions once this project's workloads are known.
  await ours.getByRole('button', { name: /^Delete snapshot/ }).waitFor();
  assert.equal(await theirs.getByRole('button').count(), 0, 'no Delete or Cancel in the wrong scope');
  assert.ok(await theirs.getByRole('checkbox').isDisabled(), 'not selectable for bulk delete');
  assert.match(await theirs.innerText(), /Another project's: act on it from that project/);
  const other = (await emu.api('GET', '/snapshots', ADMIN, undefined, OTHER_PROJECT)).body.snapshots;
  assert.ok(other.length > 0, 'the other project has snapshots of its own');
  await admin.context().close();
});

test('a long list comes in pages: every snapshot is reachable, and the page size is the admin\'s choice', async () => {
  await page.goto(emu.url + '/snapshots');
  await table().locator('tbody tr').first().waitFor();
  const counted = page.getByText(/^Showing \d+ of \d+ snapshots$/);
  const total = Number((await counted.textContent()).match(/of (\d+)/)[1]);
  assert.ok(total > 25, `the demo project has more snapshots than one page (${total})`);
  const rows = table().locator('tbody tr[data-snapshot-id]');
  await rowsDrawn(page, table());
  assert.equal(await rows.count(), 25, 'the first page: 25 rows, as Horizon pages');
  const pager = page.getByRole('navigation', { name: 'Pages of snapshots' });
  await assert.doesNotReject(pager.getByText(`Page 1 of ${Math.ceil(total / 25)} (rows 1–25)`).waitFor());
  const firstOnPage1 = await rows.first().getAttribute('data-snapshot-id');
  await pager.getByRole('button', { name: 'Next page' }).click();
  await pager.getByText(/^Page 2 of/).waitFor();
  await rowsDrawn(page, table());
  assert.equal(await rows.count(), Math.min(25, total - 25));
  assert.notEqual(await rows.first().getAttribute('data-snapshot-id'), firstOnPage1, 'another page of rows');
  await shot(page, '25-snapshots-page-2');
  await assertAccessible(page, 'snapshot list, page 2');
  await pager.getByLabel('Rows per page').selectOption('250');
  await eventually(async () => (await rows.count()) === total, { what: 'every row on one page' });
  await assert.doesNotReject(page.getByText(`Showing ${total} of ${total} snapshots`).waitFor());
  assert.equal(await pager.getByRole('button', { name: 'Next page' }).count(), 0, 'one page: no page buttons');
  await pager.getByLabel('Rows per page').selectOption('25');
});

test('Refresh and a failed read tried again stay on the admin\'s page and page size; new filters start at the first page', async () => {
  await page.goto(emu.url + '/snapshots');
  const rows = table().locator('tbody tr[data-snapshot-id]');
  await rows.first().waitFor();
  const pager = page.getByRole('navigation', { name: 'Pages of snapshots' });
  const status = pager.locator('.pager__status');
  const shown = async () => (await page.getByText(/^Showing \d+ of \d+ snapshots$/).textContent()).match(/(\d+) of (\d+)/).slice(1).map(Number);
  await pager.getByLabel('Rows per page').selectOption('50');
  await pager.getByRole('button', { name: 'Next page' }).click();
  await pager.getByText(/^Page 2 of \d+ \(rows 51–/).waitFor();
  const [onPage2, total] = await shown();
  assert.equal(onPage2, Math.min(50, total - 50));
  // The reload fails (500 is not retried), so the table goes; Try again draws it anew.
  await emu.failNext({ status: 500, method: 'GET', path_is: `/v1/${PROJECT}/snapshots`,
    body: '{"computeFault": {"message": "Snapshots are down", "code": 500}}' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.getByText('Snapshots are down').waitFor();
  assert.equal(await table().count(), 0, 'the error in place of the table');
  await page.getByRole('button', { name: 'Try again' }).click();
  await rows.first().waitFor();
  assert.match(await status.innerText(), /^Page 2 of \d+ \(rows 51–/, 'still the second page');
  assert.equal(await pager.getByLabel('Rows per page').inputValue(), '50', 'still 50 rows a page');
  // Another list, of more than one page: its first page, 50 rows a page still.
  const monthAgo = Date.now() - 30 * 24 * 3600 * 1000;
  const inMonth = (await emu.api('GET', '/snapshots', MEMBER)).body.snapshots
    .filter((s) => new Date(`${s.created_at.replace(/Z$/, '')}Z`).getTime() > monthAgo + 60000);
  assert.ok(inMonth.length > 50, `more than one page of 50 in the last 30 days (${inMonth.length})`);
  const since = await emu.lastSeq();
  await page.getByRole('button', { name: 'Last 30 days' }).click();
  await eventually(async () => (await emu.requests(since)).some((r) => r.path === `/v1/${PROJECT}/snapshots` && r.query.includes('date_from')),
    { what: 'the list of the last 30 days read' });
  await eventually(async () => /^Page 1 of/.test(await status.innerText().catch(() => '')),
    { what: 'the first page of the new list' });
  assert.equal(await pager.getByLabel('Rows per page').inputValue(), '50');
  assert.equal(await rows.count(), 50);
});

test('while a slow list is on its way the table is drawn once unseen, and nothing of it stays', async () => {
  await emu.failNext({ method: 'GET', path_is: `/v1/${PROJECT}/snapshots`, delay_ms: 1500 });
  await page.goto(emu.url + '/snapshots');
  await rowsDrawn(page, table());
  const after = await page.evaluate(() => ({
    warmedUp: performance.getEntriesByName('warm up the snapshot table').length,
    samples: document.querySelectorAll('[data-snapshot-id^="warm-up"]').length,
    tables: document.querySelectorAll('table[aria-label="Snapshots"]').length,
  }));
  assert.deepEqual(after, { warmedUp: 3, samples: 0, tables: 1 }, 'two rows and a table drawn unseen, none of them in the page');
  assert.equal(await page.locator('#crash-banner').count(), 0);
});

test('Refresh and new filters say the page is updating until the list is in; Refresh takes no second click meanwhile', async () => {
  // A slow first load says what it loads in place, and is no update.
  await emu.failNext({ method: 'GET', path_is: `/v1/${PROJECT}/snapshots`, delay_ms: 1500 });
  await page.goto(emu.url + '/snapshots');
  const updating = page.getByRole('main').getByRole('status').filter({ hasText: 'Updating…' });
  await page.getByRole('status').filter({ hasText: 'Loading snapshots…' }).waitFor();
  await page.waitForTimeout(600);
  assert.equal(await updating.count(), 0, 'the first load is not an update');
  const rows = table().locator('tbody tr[data-snapshot-id]');
  await rows.first().waitFor();
  assert.equal(await updating.count(), 0);
  const since = await emu.lastSeq();
  await emu.failNext({ method: 'GET', path_is: `/v1/${PROJECT}/snapshots`, delay_ms: 2500 });
  const header = page.locator('.page-header');
  await header.getByRole('button', { name: 'Refresh', exact: true }).click();
  const busy = header.getByRole('button', { name: 'Refreshing…', exact: true });
  await busy.waitFor();
  assert.equal(await busy.getAttribute('aria-disabled'), 'true');
  await updating.waitFor();
  assert.ok(await rows.count() > 0, 'the rows stay while the list is read again');
  await shot(page, '27-snapshots-refreshing');
  await busy.click({ force: true });
  await header.getByRole('button', { name: 'Refresh', exact: true }).waitFor({ timeout: 10000 });
  assert.equal(await header.getByRole('status').textContent(), 'Refresh finished', 'the end announced');
  await eventually(async () => (await updating.count()) === 0, { what: 'the page no longer updating' });
  const lists = (await emu.requests(since)).filter((r) => r.method === 'GET' && r.path === `/v1/${PROJECT}/snapshots`);
  assert.equal(lists.length, 1, `one read for two clicks (${lists.length})`);
  // New filters: the rows on screen are the old filters' until the answer comes, and the page
  // says so; the Refresh button, not asked, stays as it is.
  const before = await emu.lastSeq();
  await emu.failNext({ method: 'GET', path_is: `/v1/${PROJECT}/snapshots`, delay_ms: 2500 });
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await eventually(async () => (await emu.requests(before)).some((r) => r.path === `/v1/${PROJECT}/snapshots` && r.query.includes('date_from')),
    { what: 'the list of the last 7 days asked for' });
  await updating.waitFor();
  assert.equal(await header.getByRole('button', { name: 'Refreshing…' }).count(), 0);
  assert.equal(await header.getByRole('button', { name: 'Refresh', exact: true }).getAttribute('aria-disabled'), null);
  await eventually(async () => (await updating.count()) === 0, { what: 'the page no longer updating' });
});

test('times are shown in the browser\'s zone, and the column header names it', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Kolkata' });
  await storeSession(context);
  const local = await context.newPage();
  const errors = [];
  local.on('pageerror', (e) => errors.push(e.message));
  await local.goto(`${emu.url}/snapshots`);
  const header = local.locator('table[aria-label="Snapshots"] thead th').filter({ hasText: 'Created' });
  await header.waitFor();
  // Chromium names this zone by its older id, Intl and Temporal alike.
  assert.match((await header.innerText()).trim(), /^Created \(Asia\/(Kolkata|Calcutta)\)/);
  // One row's time: the API's UTC time, 5 h 30 ahead.
  const [first] = (await emu.api('GET', '/snapshots')).body.snapshots.filter((s) => s.name && s.created_at);
  const utc = new Date(`${first.created_at.replace(/Z$/, '')}Z`).getTime();
  const shifted = new Date(utc + 330 * 60000).toISOString().slice(0, 19).replace('T', ' ');
  const row = local.locator('table[aria-label="Snapshots"] tbody tr', { has: local.getByRole('link', { name: first.name, exact: true }) }).first();
  assert.match(await row.innerText(), new RegExp(shifted));
  assert.deepEqual(errors, []);
  await context.close();
});
