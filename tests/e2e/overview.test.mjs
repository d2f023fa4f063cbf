// Issue 12: the overview (targets, running with ETA and stall warning, failures, coverage),
// the status filter and date presets, CSV export, "Copy as curl", and the type access matrix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  useSuite, shot, assertAccessible, eventually, rowsDrawn, iso, PROJECT, OTHER_PROJECT, ADMIN, WORKLOAD_1,
} from './harness.mjs';

const WEB_FRONTEND = '9a1f0c3e-5b7d-4e2a-8f6c-0d1e2f3a4b5c';
const OFFLINE_TARGET = '2af5f2db-3267-453f-bc57-19884837e274';
const SECOND_TARGET = '1fd7af34-d723-428d-90f5-35d31bf24884';
const OBJECT_LOCKED = '8e0c5a0e-2f4b-4e0e-9d7c-3b1f6f1f0a11';
const QA_PROJECT = '0920f871077c4c079057ce940d8105a8';
let emu;
let page;
// Slow snapshots, so a running one stays running while its estimate is watched.
useSuite({ args: ['--snapshot-seconds', '240'], signInAs: { token: ADMIN, path: '/' }, ready: 'h1:text("Overview")' },
  (s) => ({ emu, page } = s));

const section = (name) => page.getByRole('region', { name });
const take = async (workload, name) => {
  const r = await emu.api('POST', `/workloads/${workload}`, ADMIN, { snapshot: { name, is_scheduled: false } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.snapshot.id;
};
const clipboard = async () => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: emu.url });
  return page.evaluate(() => navigator.clipboard.readText());
};
const runCurl = (command) => execFileSync('bash', ['-c', command], { env: { ...process.env, OS_TOKEN: ADMIN }, encoding: 'utf8' });

test('signing in lands on the overview: an offline target, a failure with its message, unprotected workloads', async () => {
  assert.match(page.url(), /\/overview$/, 'the landing page');
  const targets = section('Backup targets');
  const offline = targets.locator(`[data-target-id="${OFFLINE_TARGET}"]`);
  await offline.waitFor();
  assert.match(await offline.innerText(), /offline/);
  assert.match(await offline.innerText(), /Not online/);
  assert.equal(await offline.getByRole('link', { name: 'Open this target' }).getAttribute('href'), `/backup-targets/${OFFLINE_TARGET}`);
  const nearlyFull = await targets.locator(`[data-target-id="${SECOND_TARGET}"]`).innerText();
  assert.match(nearlyFull, /Nearly full/, 'a target at 87 % used is flagged');
  assert.match(await targets.innerText(), /2 of 4 targets need attention/);
  assert.equal(await targets.locator('li').first().getAttribute('data-target-id'), OFFLINE_TARGET, 'those that need a look come first');

  const failures = page.getByRole('table', { name: 'Failed snapshots' });
  const failed = failures.locator('tbody tr', { has: page.getByRole('link', { name: 'billing-db-hourly' }) });
  await eventually(async () => /NFS server 192\.168\.1\.34 not responding/.test(await failed.innerText()),
    { what: 'the failure with its error_msg (read from its detail)' });

  // Each workload's flag, against what the API says: the newest available snapshot's age.
  const coverage = page.getByRole('table', { name: 'Protection coverage' });
  const [{ body: { workloads } }, { body: { snapshots } }] = [await emu.api('GET', '/workloads'), await emu.api('GET', '/snapshots')];
  const newestGood = (w) => Math.max(...snapshots.filter((s) => s.workload_id === w && s.status === 'available').map((s) => Date.parse(`${s.created_at}Z`)));
  const expected = workloads.map((w) => ({ id: w.id, unprotected: !(Date.now() - newestGood(w.id) <= 24 * 3600000) }));
  assert.ok(expected.some((e) => e.unprotected) && expected.some((e) => !e.unprotected), 'the demo data has both');
  const web = coverage.locator(`tbody tr[data-workload-id="${WEB_FRONTEND}"]`);
  await web.waitFor();
  for (const e of expected) {
    const text = await coverage.locator(`tbody tr[data-workload-id="${e.id}"]`).innerText();
    assert.equal(/Unprotected: no good snapshot in 24 hours/.test(text), e.unprotected, `${e.id}: ${text}`);
  }
  const order = await coverage.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.workloadId));
  const ages = order.map((id) => Date.now() - newestGood(id));
  for (let i = 1; i < ages.length; i++) assert.ok(ages[i] <= ages[i - 1], `worst first: ${order}`);

  await assertAccessible(page, 'overview');
  await shot(page, '60-overview');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'overview (dark)');
  await shot(page, '61-overview-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test("the failures' window and the order chosen for coverage stay when the snapshots are read again", async () => {
  const week = page.getByRole('radio', { name: 'Last 7 days' });
  await week.check();
  const byWorkload = page.getByRole('table', { name: 'Protection coverage' }).locator('th').filter({ hasText: 'Workload' });
  await byWorkload.getByRole('button').click();
  assert.equal(await byWorkload.getAttribute('aria-sort'), 'ascending');
  // The snapshots' reload fails (500 is not retried), so the tables go; Try again draws them anew.
  await emu.failNext({ status: 500, method: 'GET', path_contains: '/snapshots',
    body: '{"computeFault": {"message": "Snapshots are down", "code": 500}}' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.getByText('Snapshots are down').waitFor();
  assert.equal(await page.getByRole('table', { name: 'Protection coverage' }).count(), 0, 'the error in place of the tables');
  await page.getByRole('button', { name: 'Try again' }).click();
  await byWorkload.waitFor();
  assert.ok(await week.isChecked(), 'still the last 7 days');
  assert.equal(await byWorkload.getAttribute('aria-sort'), 'ascending', 'still by workload');
  // Back as the tests after this one expect.
  await page.getByRole('radio', { name: 'Last 24 hours' }).check();
});

test('a running snapshot shows an estimate that updates; a held one is flagged as stalled and can be cancelled', async () => {
  const moving = await take(WORKLOAD_1, 'e2e-overview-moving');
  const stuck = await take(WEB_FRONTEND, 'e2e-overview-stuck');
  await emu.hold(stuck, true, 15);
  await page.goto(emu.url + '/overview');
  const running = section('Running now');
  const card = running.locator(`[data-snapshot-id="${moving}"]`);
  const eta = card.locator('.run-card__eta');
  const first = await eventually(async () => {
    const t = await eta.innerText().catch(() => '');
    return /^About .* left$/.test(t) && t;
  }, { what: 'an estimate', timeout: 20000 });
  await eventually(async () => (await eta.innerText()) !== first, { what: 'the estimate to update', timeout: 10000 });

  const held = running.locator(`[data-snapshot-id="${stuck}"]`);
  await eventually(async () => /No progress for 1[5-9] min/.test(await held.innerText()), { what: 'the stall warning' });
  assert.match(await held.innerText(), /No estimate while progress stands still/);
  assert.doesNotMatch(await card.innerText(), /No progress/, 'the moving one is not flagged');
  assert.match(await running.innerText(), /1 without progress for 10 minutes or more/);
  await shot(page, '62-overview-running');

  const since = await emu.lastSeq();
  await held.getByRole('button', { name: 'Cancel snapshot e2e-overview-stuck' }).click();
  await eventually(async () => (await emu.requests(since)).some((r) => r.method === 'GET' && r.path === `/v1/${PROJECT}/snapshots/${stuck}/cancel`),
    { what: 'the documented cancel call' });
  await eventually(async () => (await held.count()) === 0, { what: 'the cancelled snapshot to leave "Running now"', timeout: 20000 });
  await emu.api('GET', `/snapshots/${moving}/cancel`);
});

test('the status filter lives in the URL, survives a reload, and the CSV holds exactly the rows shown', async () => {
  await page.goto(emu.url + '/snapshots');
  const table = page.getByRole('table', { name: 'Snapshots', exact: true });
  await table.locator('tbody tr').first().waitFor();
  await page.getByRole('group', { name: 'Status' }).getByLabel('Failed').check();
  await page.waitForURL(/status=failed/);
  await page.reload();
  await rowsDrawn(page, table);
  assert.ok(await page.getByRole('group', { name: 'Status' }).getByLabel('Failed').isChecked(), 'the choice came back from the URL');
  const statuses = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.status));
  assert.ok(statuses.length > 0 && statuses.every((s) => s === 'error'), `only failures: ${statuses}`);
  await page.getByLabel('Search name, description, ID').fill('billing');
  await eventually(async () => (await table.locator('tbody tr').count()) < statuses.length, { what: 'the search to narrow' });
  await rowsDrawn(page, table);
  const names = await table.locator('tbody tr td:nth-child(2) a').allInnerTexts();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'snapshots.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffName,Status,Progress,Type,Workload,Host,Created'), csv.slice(0, 80));
  const lines = csv.slice(1).trimEnd().split('\r\n').slice(1);
  assert.deepEqual(lines.map((l) => l.split(',')[0]), names, 'the same rows, in the same order');
  assert.ok(lines.every((l) => l.split(',')[1] === 'error'));
  await shot(page, '63-snapshots-failed');
});

test('date presets fill the documented date_from and date_to', async () => {
  await page.goto(emu.url + '/snapshots');
  const since = await emu.lastSeq();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await page.waitForURL(/date_from=.*date_to=/);
  const from = new URL(page.url()).searchParams.get('date_from');
  const hours = (Date.now() - Date.parse(`${from}Z`)) / 3600000;
  assert.ok(hours > 167 && hours < 169, `seven days back: ${from}`);
  await eventually(async () => (await emu.requests(since)).some((r) => r.path.endsWith('/snapshots') && /date_from=/.test(r.query) && /date_to=/.test(r.query)),
    { what: 'a list request with the range' });
});

test('"Copy as curl" puts on the clipboard a command that does what the button does, token only as $OS_TOKEN', async () => {
  await page.goto(emu.url + `/backup-targets/${SECOND_TARGET}`);
  await page.getByRole('button', { name: 'Copy set default as curl' }).click();
  await page.getByText('Copied: run it with the token in $OS_TOKEN.').waitFor();
  const command = await clipboard();
  assert.ok(!command.includes(ADMIN), 'never the token itself');
  assert.match(command, /X-Auth-Token: \$OS_TOKEN/);
  const since = await emu.lastSeq();
  runCurl(command);
  const calls = await emu.requests(since);
  assert.deepEqual(calls.map((r) => [r.method, r.path, r.token_ok]), [['GET', `/v1/${PROJECT}/backup_targets/${SECOND_TARGET}/set_default`, true]]);
  const shown = await emu.api('GET', `/backup_targets/${SECOND_TARGET}`);
  assert.equal(shown.body.backup_targets.is_default, true, 'the command made it the default');

  await page.goto(emu.url + '/snapshots/new');
  await page.getByLabel('Workload').selectOption(WORKLOAD_1);
  await page.getByLabel('Name').fill("it's e2e-curl");
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await page.getByText('Copied: run it with the token in $OS_TOKEN.').waitFor();
  const before = await emu.lastSeq();
  const answer = JSON.parse(runCurl(await clipboard()));
  assert.equal(answer.snapshot.name, "it's e2e-curl");
  const post = (await emu.requests(before)).find((r) => r.method === 'POST');
  assert.equal(post.path, `/v1/${PROJECT}/workloads/${WORKLOAD_1}`);
  assert.deepEqual(JSON.parse(post.body), { snapshot: { is_scheduled: false, name: "it's e2e-curl" } });
  await emu.api('GET', `/snapshots/${answer.snapshot.id}/cancel`);
});

test('the access matrix adds and removes a project with the documented calls, one cell at a time', async () => {
  await page.goto(emu.url + '/type-access');
  const matrix = page.getByRole('table', { name: 'Projects by target type' });
  await matrix.waitFor();
  assert.ok(await matrix.locator(`tr[data-project-id="${OTHER_PROJECT}"]`).count() === 1, 'projects come from the types');
  assert.match(await matrix.locator('thead').innerText(), /nfs_1\s*Public/);
  await assertAccessible(page, 'access matrix');
  await shot(page, '64-type-access');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const grid = readFileSync(await download.path(), 'utf8').slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
  const col = grid[0].indexOf('s3_2');
  assert.equal(grid.find((r) => r[0] === QA_PROJECT)[col], 'assigned', `the file is the grid: ${grid.join(' | ')}`);
  assert.equal(grid.find((r) => r[0] === PROJECT)[grid[0].indexOf('nfs_1')], 'public');
  const cell = page.getByLabel(`Project ${QA_PROJECT} may use object-locked`);
  assert.equal(await cell.isChecked(), false);
  const since = await emu.lastSeq();
  await cell.click();
  const dialog = page.getByRole('dialog', { name: `Let project ${iso(QA_PROJECT)} use ${iso('object-locked')}?` });
  await dialog.waitFor();
  assert.equal(await cell.isChecked(), false, 'nothing changes before the admin confirms');
  await assertAccessible(page, 'access matrix confirmation');
  await dialog.getByRole('button', { name: 'Add project' }).click();
  await eventually(async () => page.getByLabel(`Project ${QA_PROJECT} may use object-locked`).isChecked(), { what: 'the cell to show the new access' });
  const row = matrix.locator(`tr[data-project-id="${QA_PROJECT}"]`);
  assert.match(await row.innerText(), /Added/);
  await page.getByLabel(`Project ${QA_PROJECT} may use object-locked`).click();
  await page.getByRole('dialog', { name: `Take ${iso('object-locked')} away from project ${iso(QA_PROJECT)}?` }).getByRole('button', { name: 'Remove project' }).click();
  await eventually(async () => !(await page.getByLabel(`Project ${QA_PROJECT} may use object-locked`).isChecked()), { what: 'the removal' });
  assert.match(await row.innerText(), /Removed/);
  const calls = (await emu.requests(since)).filter((r) => r.method !== 'GET');
  assert.deepEqual(calls.map((r) => [r.method, r.path]), [
    ['POST', `/v1/${PROJECT}/backup_target_types/${OBJECT_LOCKED}/add_projects`],
    ['PUT', `/v1/${PROJECT}/backup_target_types/${OBJECT_LOCKED}/remove_projects`],
  ]);
  for (const c of calls) {
    assert.deepEqual(JSON.parse(c.body), { backup_target_type: { backup_target_type_id: OBJECT_LOCKED, project_list: [QA_PROJECT] } });
  }
});

test('opening the overview issues each GET once', async () => {
  await page.goto(emu.url + '/snapshots');
  await page.getByRole('table', { name: 'Snapshots', exact: true }).locator('tbody tr').first().waitFor();
  const since = await emu.lastSeq();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('table', { name: 'Protection coverage' }).locator('tbody tr').first().waitFor();
  await page.getByRole('table', { name: 'Failed snapshots' }).getByText('NFS server 192.168.1.34 not responding').waitFor();
  const gets = (await emu.requests(since)).filter((r) => r.method === 'GET').map((r) => `${r.path}?${r.query}`);
  const twice = gets.filter((g, i) => gets.indexOf(g) !== i);
  assert.deepEqual(twice, [], `each GET once: ${gets.join(', ')}`);
  for (const path of ['/backup_targets/detail', '/snapshots', '/workloads']) {
    assert.ok(gets.includes(`/v1/${PROJECT}${path}?`), `${path} was read: ${gets}`);
  }
});
