// Issue 3: every backup target and target type operation from the console, each checked on
// screen, through the API, and in what the emulator received.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, shot, assertAccessible, eventually, newPage, storeSession, consoleSession, iso, PROJECT, ADMIN } from './harness.mjs';

let emu;
let page;
let browser;
useSuite({ signInAs: { path: '/backup-targets' }, ready: 'table[aria-label="Backup targets"] tbody tr' }, (s) => ({ emu, page, browser } = s));

const targetsTable = () => page.locator('table[aria-label="Backup targets"]');
const rowOf = (text) => targetsTable().locator('tbody tr', { hasText: text });
const lastRequest = async (method, pathEnd) => {
  const all = await emu.requests();
  return all.filter((r) => r.method === method && r.path.endsWith(pathEnd)).pop();
};
const targetByExport = async (exp) => (await emu.api('GET', '/backup_targets/detail')).body.backup_targets.find((t) => t.filesystem_export === exp);

test('the pages and the create forms pass axe', async () => {
  await assertAccessible(page, 'backup targets page');
  await page.goto(emu.url + '/backup-targets/new');
  await page.getByLabel('Filesystem export').waitFor();
  await assertAccessible(page, 'create target form');
  await shot(page, '10-create-target-form');
  await page.goto(emu.url + '/target-types');
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  await assertAccessible(page, 'target types page');
  await page.goto(emu.url + '/target-types/new');
  await page.getByLabel('Name').waitFor();
  await assertAccessible(page, 'create type form');
  await shot(page, '11-create-type-form');
});

test('create an NFS target: validated first, one request, button disabled while it runs', async () => {
  await page.goto(emu.url + '/backup-targets/new');
  await page.getByLabel('Filesystem export').fill('10.20.30.40/no-colon');
  await page.getByRole('button', { name: 'Create target' }).click();
  await page.getByText('Use the form host:/path').waitFor();
  assert.equal(await lastRequest('POST', '/backup_targets'), undefined, 'nothing sent while invalid');

  await page.getByLabel('Filesystem export').fill('10.20.30.40:/exports/e2e');
  await page.getByLabel('Target type name').fill('e2e-nfs');
  await page.getByRole('button', { name: 'Add metadata row' }).click();
  await page.getByLabel('Key 1').fill('site');
  await page.getByLabel('Value 1').fill('lab');
  await page.getByRole('button', { name: 'Create target' }).click();
  const busy = page.getByRole('button', { name: 'Creating…' });
  await busy.waitFor();
  assert.ok(await busy.isDisabled(), 'no double create');
  await page.getByText(/validating the storage/).waitFor();
  await page.getByRole('heading', { name: '10.20.30.40:/exports/e2e' }).waitFor({ timeout: 20000 });
  const posts = (await emu.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/backup_targets'));
  assert.equal(posts.length, 1);
  assert.deepEqual(JSON.parse(posts[0].body), { backup_target: { type: 'nfs', filesystem_export: '10.20.30.40:/exports/e2e',
    is_default: 0, btt_name: 'e2e-nfs', metadata: { site: 'lab' } } });
  assert.equal(posts[0].content_type, 'application/json');
  const t = await targetByExport('10.20.30.40:/exports/e2e');
  assert.equal(t.backup_target_types[0].name, 'e2e-nfs');
  // The summary and the metadata share the row's width, as the types card below them spans it.
  const card = (name) => page.getByRole('region', { name }).boundingBox();
  const [summary, meta, types] = [await card('Summary'), await card('Metadata'), await card('Target types')];
  assert.ok(Math.abs(summary.x - types.x) < 2 && Math.abs(meta.x + meta.width - (types.x + types.width)) < 2,
    `the two cards fill the row (${JSON.stringify({ summary, meta, types })})`);
  assert.ok(Math.abs(summary.width - meta.width) < 2, 'in two halves');
  await shot(page, '12-target-detail');
});

test('a server error keeps what was typed and shows status, message and request id', async () => {
  await page.goto(emu.url + '/backup-targets/new');
  await page.getByLabel('S3').check();
  await page.getByLabel('S3 endpoint URL').fill('https://s3.e2e.example');
  await page.getByLabel('Bucket').fill('e2e-bucket');
  await page.getByLabel('Immutable (S3 object lock)').check();
  await emu.failNext({ status: 500, body: '{"computeFault": {"message": "Bucket is not reachable", "code": 500}}', path_contains: '/backup_targets', method: 'POST' });
  await page.getByRole('button', { name: 'Create target' }).click();
  const panel = page.locator('.error-panel');
  await panel.waitFor();
  const text = await panel.innerText();
  assert.match(text, /HTTP 500/);
  assert.match(text, /Bucket is not reachable/);
  assert.match(text, /Request ID: req-/);
  assert.equal(await page.getByLabel('S3 endpoint URL').inputValue(), 'https://s3.e2e.example');
  assert.equal(await page.getByLabel('Bucket').inputValue(), 'e2e-bucket');
  assert.ok(await page.getByLabel('Immutable (S3 object lock)').isChecked());
  await shot(page, '13-create-target-error');
  // Submitting again now works.
  await page.getByRole('button', { name: 'Create target' }).click();
  await page.getByRole('heading', { name: 's3.e2e.example/e2e-bucket' }).waitFor({ timeout: 20000 });
  const post = await lastRequest('POST', '/backup_targets');
  assert.deepEqual(JSON.parse(post.body), { backup_target: { type: 's3', s3_endpoint_url: 'https://s3.e2e.example',
    s3_bucket: 'e2e-bucket', immutable: 1, is_default: 0 } });
});

test('leaving a form with unsent input asks first (a link, Back, a reload); Stay keeps every character', async () => {
  const main = page.getByRole('navigation', { name: 'Main' });
  const ask = page.getByRole('dialog', { name: 'Leave this page?' });
  const exportField = page.getByLabel('Filesystem export');
  await page.goto(emu.url + '/backup-targets');
  await page.getByRole('link', { name: 'Create target' }).click();
  await exportField.waitFor();
  // Nothing typed: nothing to lose, nothing asked.
  await main.getByRole('link', { name: 'Snapshots' }).click();
  await page.getByRole('table', { name: 'Snapshots', exact: true }).waitFor();
  await page.goBack();
  // Typed, then erased: the form holds what it held before, so nothing is asked either.
  await exportField.fill('10.0.0.9:/exports/erased');
  await exportField.fill('');
  await main.getByRole('link', { name: 'Snapshots' }).click();
  await page.getByRole('table', { name: 'Snapshots', exact: true }).waitFor();
  assert.equal(await ask.count(), 0, 'nothing asked for a field typed in and erased');
  await page.goBack();
  await exportField.fill('10.0.0.9:/exports/unsent');
  await main.getByRole('link', { name: 'Snapshots' }).click();
  await ask.waitFor();
  assert.ok(page.url().endsWith('/backup-targets/new'), `still on the form: ${page.url()}`);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Stay on this page',
    'a question that comes by surprise starts on the answer that loses nothing');
  await assertAccessible(page, 'the leave question');
  await shot(page, '13a-leave-unsent-form');
  await page.keyboard.press('Enter');
  await ask.waitFor({ state: 'hidden' });
  assert.equal(await exportField.inputValue(), '10.0.0.9:/exports/unsent');

  // Back: the address is put back while the question is open; Escape stays.
  await page.goBack();
  await ask.waitFor();
  await eventually(async () => page.url().endsWith('/backup-targets/new'), { what: 'the form back in the address bar' });
  await page.keyboard.press('Escape');
  await ask.waitFor({ state: 'hidden' });
  assert.equal(await exportField.inputValue(), '10.0.0.9:/exports/unsent');

  // A reload gets the browser's own question; staying keeps the input.
  page.stayOnUnload = true;
  const asksBefore = page.unloadAsks;
  await page.evaluate(() => setTimeout(() => location.reload(), 0));
  await eventually(async () => page.unloadAsks > asksBefore, { what: "the browser's leave question" });
  page.stayOnUnload = false;
  assert.equal(await exportField.inputValue(), '10.0.0.9:/exports/unsent');

  // Back, then Leave and discard: the list, one entry back, with nothing asked on the way.
  await page.goBack();
  await page.getByRole('button', { name: 'Leave and discard' }).click();
  await targetsTable().locator('tbody tr').first().waitFor();
  assert.ok(page.url().endsWith('/backup-targets'), `on the list: ${page.url()}`);
  await page.goForward();
  await exportField.waitFor();
  assert.equal(await exportField.inputValue(), '', 'discarded');
  // Input the server took holds nothing: the new target's page opens without a question.
  const asks = page.unloadAsks;
  await exportField.fill('10.0.0.9:/exports/sent');
  await page.getByRole('button', { name: 'Create target' }).click();
  await page.getByRole('heading', { name: '10.0.0.9:/exports/sent' }).waitFor({ timeout: 20000 });
  await main.getByRole('link', { name: 'Backup targets' }).click();
  await rowOf('10.0.0.9:/exports/sent').waitFor();
  assert.equal(await ask.count(), 0);
  await page.reload();
  assert.equal(page.unloadAsks, asks, 'nothing unsent, nothing asked');
});

test('both new targets are listed; set one as default', async () => {
  await page.goto(emu.url + '/backup-targets');
  await rowOf('10.20.30.40:/exports/e2e').waitFor();
  await rowOf('s3.e2e.example/e2e-bucket').waitFor();
  await page.getByRole('button', { name: 'Set 10.20.30.40:/exports/e2e as default' }).click();
  await page.getByText(`${iso('10.20.30.40:/exports/e2e')} is now the default backup target.`).waitFor();
  await eventually(async () => (await rowOf('10.20.30.40:/exports/e2e').innerText()).includes('Default'), { what: 'default marker' });
  const req = await lastRequest('GET', '/set_default');
  assert.ok(req, 'set_default is a GET');
  const all = (await emu.api('GET', '/backup_targets')).body.backup_targets;
  assert.deepEqual(all.filter((t) => t.is_default).map((t) => t.filesystem_export), ['10.20.30.40:/exports/e2e']);
  assert.ok(!(await rowOf('192.168.1.34:/mnt/tvault/162').innerText()).includes('Default'), 'the old default lost its marker');
  await shot(page, '14-targets-after-default');
  // The types named after the new targets' exports sit in chips of the Target types column; the
  // table still fits the window, every column in view without scrolling sideways.
  const [inner, shown] = await page.locator('.table-wrap').evaluate((w) => [w.scrollWidth, w.clientWidth]);
  assert.ok(inner <= shown, `the targets table is ${inner} px wide in ${shown} px`);
});

test('a double click on Set default sends one request', async () => {
  const since = await emu.lastSeq();
  await page.getByRole('button', { name: 'Set s3.e2e.example/e2e-bucket as default' }).dblclick();
  await page.getByText(`${iso('s3.e2e.example/e2e-bucket')} is now the default backup target.`).first().waitFor();
  await eventually(async () => (await rowOf('s3.e2e.example/e2e-bucket').innerText()).includes('Default'),
    { what: 'default marker' });
  const sent = (await emu.requests(since)).filter((r) => r.path.endsWith('/set_default'));
  assert.equal(sent.length, 1, 'one GET set_default for two clicks');
});

test('the order the admin chose stays when the list is read again, even after a failed read', async () => {
  const sortOf = (label) => targetsTable().locator('th').filter({ hasText: label });
  const exports = () => targetsTable().locator('tbody tr td:nth-child(2)').allTextContents();
  await sortOf('Status').getByRole('button').click();
  await sortOf('Status').getByRole('button').click();
  assert.equal(await sortOf('Status').getAttribute('aria-sort'), 'descending');
  const order = await exports();
  assert.ok(order.length >= 3, 'several targets to order');
  // The reload fails (500 is not retried), so the table goes; Try again draws it anew.
  await emu.failNext({ status: 500, method: 'GET', path_contains: '/backup_targets/detail',
    body: '{"computeFault": {"message": "Targets are down", "code": 500}}' });
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.getByText('Targets are down').waitFor();
  assert.equal(await targetsTable().count(), 0, 'the error in place of the table');
  await page.getByRole('button', { name: 'Try again' }).click();
  await targetsTable().locator('tbody tr').first().waitFor();
  assert.equal(await sortOf('Status').getAttribute('aria-sort'), 'descending', 'still by status, descending');
  assert.equal(await sortOf('Export').getAttribute('aria-sort'), 'none');
  assert.deepEqual(await exports(), order, 'the rows in the same order');
});

test('keyboard alone: a list read again keeps focus on its control, or on the heading once the control has gone', async () => {
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body ? 'the document' : (el.getAttribute('aria-label') || el.textContent.trim());
  });
  // Try again that fails again: its panel is drawn anew, with focus on the new Try again.
  for (const message of ['Targets are down', 'Still down']) {
    await emu.failNext({ status: 500, method: 'GET', path_is: `/v1/${PROJECT}/backup_targets/detail`,
      body: JSON.stringify({ computeFault: { message, code: 500 } }) });
  }
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await page.getByText('Targets are down').waitFor();
  await page.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Still down').waitFor();
  await eventually(async () => (await focused()) === 'Try again', { what: 'focus on the new Try again' });
  await page.keyboard.press('Enter');
  await rowOf('10.0.0.9:/exports/sent').waitFor();
  await eventually(async () => (await focused()) === 'Backup targets', { what: 'focus on the heading once the panel went' });

  // A delete from the list: the row and its button go; focus does not fall to the document.
  await page.getByRole('button', { name: 'Delete 10.0.0.9:/exports/sent' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  for (let i = 0; i < 6 && (await focused()) !== 'Delete backup target'; i += 1) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Delete backup target');
  await page.keyboard.press('Enter');
  await rowOf('10.0.0.9:/exports/sent').waitFor({ state: 'detached' });
  await eventually(async () => (await focused()) === 'Backup targets', { what: 'focus on the heading after the delete' });
  await page.keyboard.press('Tab');
  assert.notEqual(await focused(), 'Skip to main content', 'Tab goes on from the page, not from the top');

  // Set default: every row's button waits while it runs, and the new default's stays disabled.
  await page.getByRole('button', { name: 'Set 10.20.30.40:/exports/e2e as default' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(`${iso('10.20.30.40:/exports/e2e')} is now the default backup target.`).first().waitFor();
  await eventually(async () => (await rowOf('10.20.30.40:/exports/e2e').innerText()).includes('Default'), { what: 'default marker' });
  // Its row's button is disabled now: the heading, not the document.
  await eventually(async () => (await focused()) === 'Backup targets', { what: 'focus on the heading after Set default' });
});

let typeId;
test('create a type on the new target with two projects and metadata', async () => {
  const target = await targetByExport('10.20.30.40:/exports/e2e');
  await page.goto(emu.url + '/target-types/new');
  await page.getByLabel('Name').fill('e2e-gold');
  await page.getByLabel('Description').fill('Gold tier for e2e');
  await page.getByLabel('Backup target').selectOption(target.id);
  await page.getByLabel('Public (visible to every project)').uncheck();
  await page.getByLabel('Projects', { exact: true }).fill('aaaa1111, bbbb2222');
  await page.getByRole('button', { name: 'Add metadata row' }).click();
  await page.getByLabel('Key 1').fill('tier');
  await page.getByLabel('Value 1').fill('gold');
  await page.getByRole('button', { name: 'Create type' }).click();
  await page.getByRole('heading', { name: 'e2e-gold' }).waitFor();
  typeId = page.url().split('/').pop();
  const post = await lastRequest('POST', '/backup_target_types');
  assert.deepEqual(JSON.parse(post.body), { backup_target_type: { name: 'e2e-gold', description: 'Gold tier for e2e',
    backup_targets_id: target.id, is_default: 0, is_public: 0, project_list: ['aaaa1111', 'bbbb2222'],
    metadata: [{ key: 'tier', value: 'gold' }] } });
  const t = (await emu.api('GET', `/backup_target_types/${typeId}`)).body.backup_target_types;
  assert.deepEqual(t.backup_target_type_projects.map((p) => p.project_id).sort(), ['aaaa1111', 'bbbb2222']);
  await shot(page, '15-type-detail');
});

test('edit the type with PUT, purging projects', async () => {
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Name').waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), 'e2e-gold', 'prefilled');
  assert.match(await page.getByLabel('Projects', { exact: true }).inputValue(), /aaaa1111/);
  await shot(page, '16-edit-type-form');
  await assertAccessible(page, 'edit type form');

  // A metadata row added and left empty holds nothing; one removed is a change, and asks.
  const main = page.getByRole('navigation', { name: 'Main' });
  const ask = page.getByRole('dialog', { name: 'Leave this page?' });
  await page.getByRole('button', { name: 'Add metadata row' }).click();
  await page.getByLabel('Key 2').waitFor();
  await main.getByRole('link', { name: 'Target types' }).click();
  await page.getByRole('link', { name: 'e2e-gold', exact: true }).waitFor();
  assert.equal(await ask.count(), 0, 'nothing asked for an empty row');
  await page.goBack();
  await page.getByLabel('Key 1').waitFor();
  assert.equal(await page.getByLabel('Key 1').inputValue(), 'tier');
  await page.getByRole('button', { name: 'Remove metadata row 1' }).click();
  await eventually(async () => page.evaluate(() => document.activeElement?.textContent === 'Add metadata row'),
    { what: 'focus on Add metadata row, where the removed row was' });
  await main.getByRole('link', { name: 'Target types' }).click();
  await ask.waitFor();
  await page.getByRole('button', { name: 'Stay on this page' }).click();
  await ask.waitFor({ state: 'hidden' });
  assert.equal(await page.getByLabel('Key 1').count(), 0, 'the removal kept');
  await page.getByRole('button', { name: 'Add metadata row' }).click();
  await page.getByLabel('Key 1').fill('tier');
  await page.getByLabel('Value 1').fill('gold');
  await page.getByLabel('Name').fill('e2e-platinum');
  await page.getByLabel('Projects', { exact: true }).fill('aaaa1111\ncccc3333');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { name: 'e2e-platinum' }).waitFor();
  const put = await lastRequest('PUT', `/backup_target_types/${typeId}`);
  const body = JSON.parse(put.body).backup_target_type;
  assert.equal(body.name, 'e2e-platinum');
  assert.equal(body.purge_projects, true);
  assert.deepEqual(body.project_list, ['aaaa1111', 'cccc3333']);
  assert.equal(body.purge_metadata, true);
  const t = (await emu.api('GET', `/backup_target_types/${typeId}`)).body.backup_target_types;
  assert.deepEqual(t.backup_target_type_projects.map((p) => p.project_id).sort(), ['aaaa1111', 'cccc3333']);
});

test('add and remove a project and a metadata pair on the detail view', async () => {
  await page.getByLabel('Add projects').fill('dddd4444');
  await page.getByRole('button', { name: 'Add projects' }).click();
  await page.getByText(`Added project ${iso('dddd4444')}`).waitFor();
  await page.locator('.projects-list', { hasText: 'dddd4444' }).waitFor();
  let req = await lastRequest('POST', '/add_projects');
  assert.deepEqual(JSON.parse(req.body), { backup_target_type: { backup_target_type_id: typeId, project_list: ['dddd4444'] } });

  await page.getByRole('button', { name: 'Remove project aaaa1111' }).click();
  await page.getByText(`Removed project ${iso('aaaa1111')}`).waitFor();
  req = await lastRequest('PUT', '/remove_projects');
  assert.deepEqual(JSON.parse(req.body), { backup_target_type: { backup_target_type_id: typeId, project_list: ['aaaa1111'] } });

  await page.getByLabel('Key', { exact: true }).fill('zone');
  await page.getByLabel('Value', { exact: true }).fill('eu-1');
  await page.getByRole('button', { name: 'Add metadata' }).click();
  await page.getByText(`Added metadata ${iso('zone')}=${iso('eu-1')}`).waitFor();
  req = await lastRequest('POST', '/add_metadata');
  assert.deepEqual(JSON.parse(req.body), { backup_target_type: { backup_target_type_id: typeId, metadata: [{ key: 'zone', value: 'eu-1' }] } });
  await page.getByRole('button', { name: 'Remove metadata zone' }).click();
  await page.getByText(`Removed metadata ${iso('zone')}=${iso('eu-1')}`).waitFor();
  req = await lastRequest('PUT', '/remove_metadata');
  assert.deepEqual(JSON.parse(req.body), { backup_target_type: { backup_target_type_id: typeId, metadata: [{ key: 'zone', value: 'eu-1' }] } });

  const t = (await emu.api('GET', `/backup_target_types/${typeId}`)).body.backup_target_types;
  assert.deepEqual(t.backup_target_type_projects.map((p) => p.project_id).sort(), ['cccc3333', 'dddd4444']);
  assert.deepEqual(t.backup_target_type_metadata, [{ key: 'tier', value: 'gold' }], 'only the added pair went away');
  await shot(page, '17-type-after-changes');
});

test('what is typed while the type reloads after a change keeps its text and its focus', async () => {
  // Hold the reload that follows an accepted change, type into the metadata form meanwhile,
  // then let the reload land: the form must be the same one, still focused, still filled.
  let release;
  const held = new Promise((r) => { release = r; });
  const reload = (url) => url.pathname.endsWith(`/backup_target_types/${typeId}`);
  await page.route(reload, async (route) => {
    if (route.request().method() === 'GET') await held;
    await route.continue();
  });
  await page.getByLabel('Add projects').fill('eeee5555');
  await page.getByRole('button', { name: 'Add projects' }).click();
  await page.getByText(`Added project ${iso('eeee5555')}`).waitFor();
  assert.equal(await page.getByLabel('Add projects').inputValue(), '', 'the accepted add clears its own field');
  const key = page.getByLabel('Key', { exact: true });
  await key.click();
  await page.keyboard.type('zo');
  release();
  await page.locator('.projects-list', { hasText: 'eeee5555' }).waitFor();
  await page.unroute(reload);
  await page.keyboard.type('ne');
  assert.equal(await key.inputValue(), 'zone', 'no keystroke lost to the reload');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'btt-add-key', 'the focus stayed in the field');
  await key.fill('');
});

test("a type's add forms hold the page while they keep unsent input, even once a failed reload has hidden them", async () => {
  const main = page.getByRole('navigation', { name: 'Main' });
  const ask = page.getByRole('dialog', { name: 'Leave this page?' });
  const key = page.getByLabel('Key', { exact: true });
  const here = `/target-types/${typeId}`;
  await key.fill('held');
  await main.getByRole('link', { name: 'Target types' }).click();
  await ask.waitFor();
  assert.ok(page.url().endsWith(here), `still on the type: ${page.url()}`);
  await page.keyboard.press('Enter');
  await ask.waitFor({ state: 'hidden' });
  assert.equal(await key.inputValue(), 'held', 'Stay keeps the key');

  // An accepted add of projects; the read after it fails, and both cards go with the type.
  await emu.failNext({ status: 500, method: 'GET', path_contains: `/backup_target_types/${typeId}`,
    body: '{"computeFault": {"message": "Database unavailable", "code": 500}}' });
  await page.getByLabel('Add projects').fill('ffff6666');
  await page.getByRole('button', { name: 'Add projects' }).click();
  await page.getByText(`Added project ${iso('ffff6666')}`).waitFor();
  await page.getByText('Database unavailable').first().waitFor();
  await key.waitFor({ state: 'detached' });
  // The key the page keeps still asks, though its form is gone.
  await main.getByRole('link', { name: 'Target types' }).click();
  await ask.waitFor();
  await shot(page, '17a-leave-type-page');
  await ask.getByRole('button', { name: 'Leave and discard' }).click();
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  assert.equal(await ask.count(), 0);

  // Once sent, a form holds nothing: the added project lets the page go without a question.
  await page.goto(emu.url + here);
  await page.getByLabel('Add projects').fill('gggg7777');
  await page.getByRole('button', { name: 'Add projects' }).click();
  await page.locator('.projects-list', { hasText: 'gggg7777' }).waitFor();
  await main.getByRole('link', { name: 'Target types' }).click();
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  assert.equal(await ask.count(), 0, 'nothing asked');
  await page.goto(emu.url + here);
  await page.getByRole('button', { name: 'Delete', exact: true }).waitFor();
});

test('renewing the session keeps what is typed in a form whose choices were loaded, and loads nothing again', async () => {
  const renewing = await newPage(browser);
  await storeSession(renewing, consoleSession({ expires_at: new Date(Date.now() + 3 * 60_000).toISOString() }));
  await renewing.goto(emu.url + '/target-types/new');
  await renewing.getByLabel('Name').fill('kept-over-renewal');
  await renewing.getByLabel('Description').fill('typed before the renewal');
  const since = await emu.lastSeq();
  await renewing.getByRole('button', { name: 'Renew session' }).click();
  const dialog = renewing.getByRole('dialog', { name: 'Sign in again' });
  await dialog.getByLabel('Token').fill(ADMIN);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await renewing.getByRole('button', { name: 'Renew session' }).count(), 0, 'the warning went with the old token');
  assert.equal(await renewing.getByLabel('Name').inputValue(), 'kept-over-renewal');
  assert.equal(await renewing.getByLabel('Description').inputValue(), 'typed before the renewal');
  const reads = (await emu.requests(since)).filter((r) => r.method === 'GET').map((r) => r.path);
  // The pasted token is checked with one list of targets; the form's own list is not read again.
  assert.deepEqual(reads, [`/v1/${PROJECT}/backup_targets`], 'what loaded with the old token is not read again');
  assert.deepEqual(renewing.errors, []);
  await renewing.close();
});

test('delete the type, then the target, each confirmed with the documented warning', async () => {
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /e2e-platinum/);
  assert.match(await dialog.innerText(), /Removing Backup Target Types from an active Workload can lead to inconsistent behavior/);
  await shot(page, '18-delete-type-dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await emu.api('GET', `/backup_target_types/${typeId}`)).status, 200, 'Escape deletes nothing');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: 'Delete target type' }).click();
  await page.waitForURL(/\/target-types$/);
  const del = await lastRequest('DELETE', `/backup_target_types/${typeId}`);
  assert.equal(del.status, 202);
  assert.equal((await emu.api('GET', `/backup_target_types/${typeId}`)).status, 404);

  await page.goto(emu.url + '/backup-targets');
  await rowOf('s3.e2e.example/e2e-bucket').waitFor();
  await page.getByRole('button', { name: 'Delete s3.e2e.example/e2e-bucket' }).click();
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Removing Backup Target from an active Workload can lead to inconsistent behavior/);
  await dialog.getByRole('button', { name: 'Delete backup target' }).click();
  await page.getByText(`Deleted backup target ${iso('s3.e2e.example/e2e-bucket')}.`).waitFor();
  await rowOf('s3.e2e.example/e2e-bucket').waitFor({ state: 'detached' });
  assert.equal(await targetByExport('s3.e2e.example/e2e-bucket'), undefined);
});

test('keyboard alone: the delete dialog takes focus, keeps it, and Escape gives it back', async () => {
  await page.goto(emu.url + '/backup-targets');
  await rowOf('192.168.1.34:/mnt/tvault/tvm').waitFor();
  const trigger = page.getByRole('button', { name: 'Delete 192.168.1.34:/mnt/tvault/tvm' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const inDialog = () => page.evaluate(() => !!document.activeElement && !!document.activeElement.closest('dialog'));
  assert.ok(await inDialog(), 'focus moved into the dialog');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    // Focus may visit the browser UI between cycles; it never lands on the page behind.
    const behind = await page.evaluate(() => !!document.activeElement && document.activeElement !== document.body
      && !document.activeElement.closest('dialog'));
    assert.ok(!behind, 'Tab never reaches the page behind the modal');
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await trigger.evaluate((el) => el === document.activeElement), 'focus returns to the Delete button');
  assert.ok(await targetByExport('192.168.1.34:/mnt/tvault/tvm'), 'nothing was deleted');
});

test('an XSS name renders as text and runs nothing', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const created = await emu.api('POST', '/backup_target_types', undefined, { backup_target_type: { name: evil,
    description: '<script>alert(2)</script>', backup_targets_id: 'b39847c8-bf65-4cec-9af6-dd65303ca485', is_public: 1,
    metadata: [{ key: '<b>k</b>', value: '"><svg onload=alert(3)>' }] } });
  assert.equal(created.status, 200);
  await page.goto(emu.url + '/target-types');
  const row = page.locator('tbody tr', { hasText: evil });
  await row.waitFor();
  assert.equal(await page.locator('tbody img, tbody svg, tbody script').count(), 0);
  await row.getByRole('link', { name: evil, exact: true }).click();
  await page.getByRole('heading', { name: evil, exact: true }).waitFor();
  await page.goto(emu.url + '/backup-targets/b39847c8-bf65-4cec-9af6-dd65303ca485');
  await page.getByRole('link', { name: evil, exact: true }).waitFor();
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(page.dialogs, [], 'no alert fired');
  assert.deepEqual(page.errors, []);
});

test('a 3,000-character name and a right-to-left override stay inside the window and inside their own text', async () => {
  const long = 'W'.repeat(3000);
  const rlo = '\u202Eevil-name';
  const created = await emu.api('POST', '/backup_target_types', undefined, { backup_target_type: { name: rlo,
    description: long, backup_targets_id: 'b39847c8-bf65-4cec-9af6-dd65303ca485', is_public: 1,
    metadata: [{ key: 'مفتاح', value: '5' }] } });
  assert.equal(created.status, 200);
  const id = created.body.backup_target_types.id;
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.goto(emu.url + '/target-types');
  await page.locator(`tr[data-type-id="${id}"]`).waitFor();
  assert.ok(await overflow() <= 1, 'the list does not widen the page');
  // An Arabic key and its value read key, "=", value from left to right, as every pair does
  // (unisolated, the bidi algorithm draws "5=" before the key).
  const chip = page.locator(`tr[data-type-id="${id}"] .chip`).filter({ hasText: 'مفتاح' });
  const order = await chip.evaluate((el) => {
    const left = (ch) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(ch);
        if (at < 0) continue;
        const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + ch.length);
        return r.getBoundingClientRect().left;
      }
      return null;
    };
    return { key: left('مفتاح'), equals: left('='), value: left('5') };
  });
  assert.ok(order.key < order.equals && order.equals < order.value, `key, "=", value: ${JSON.stringify(order)}`);
  const cell = page.locator(`tr[data-type-id="${id}"] bdi[title="${long}"]`);
  assert.equal((await cell.innerText()).length, 121, 'cut to 120 characters in the table, whole in its title');
  await page.goto(emu.url + `/target-types/${id}`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'evil-name' }).waitFor();
  assert.ok(await overflow() <= 1, `the detail page does not widen the page (${await overflow()} px)`);
  assert.equal(await page.getByRole('heading', { level: 1 }).getAttribute('dir'), 'auto', 'the title is isolated');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const label = page.getByRole('dialog').locator('strong.mono');
  assert.equal(await label.getAttribute('dir'), 'auto', 'the override cannot reach the dialog text around the name');
  assert.match(await page.getByRole('dialog').innerText(), /This cannot be undone\./);
  await shot(page, '19-hostile-name-dialog', { fullPage: false });
  await page.getByRole('dialog').getByRole('button', { name: 'Delete target type' }).click();
  const toast = page.locator('.toast__text').filter({ hasText: 'evil-name' });
  await toast.waitFor();
  // Where the name and the full stop after it are drawn: an override that escaped the name would
  // draw the rest of the sentence right to left, its full stop before the name.
  const drawn = await toast.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.data.includes('evil-name')) node = walker.nextNode();
    const at = (from, to) => { const r = document.createRange(); r.setStart(node, from); r.setEnd(node, to); return r.getBoundingClientRect(); };
    const name = node.data.indexOf('evil-name');
    const stop = node.data.indexOf('.', name);
    return { text: node.data, name: at(name, name + 9), stop: at(stop, stop + 1) };
  });
  assert.ok(drawn.stop.left >= drawn.name.right - 1,
    `the toast's full stop comes after the name (${JSON.stringify(drawn)})`);
  await shot(page, '19b-hostile-name-toast', { fullPage: false });
});
