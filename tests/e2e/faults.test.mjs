// Issue 9: faults. Reads are retried (honouring Retry-After), changes never are; a change
// without an answer says its outcome is unknown and reloads; hostile text from the server,
// in error messages and progress messages too, is shown literally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, newPage, signIn, shot, eventually, assertAccessible, storeSession, PROJECT } from './harness.mjs';

let emu;
let browser;
useSuite({}, (s) => ({ emu, browser } = s));

const HOSTILE = '<img src=x onerror=alert(1)> "><svg onload=alert(1)> {{7*7}} \u202Eevil\u202C z\u200Bw';
const CI_RUNNERS = '6c5d4e3f-2a1b-4c9d-8e7f-6a5b4c3d2e1f';

test('a list that meets 503 with Retry-After twice is read again, and appears', async () => {
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/target-types' });
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  const since = await emu.lastSeq();
  await emu.failNext({ status: 503, retry_after: '1', times: 2, method: 'GET', path_contains: '/backup_targets',
    body: '{"overLimit": {"message": "Busy", "code": 503}}' });
  const started = Date.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backup targets' }).click();
  await page.locator('table[aria-label="Backup targets"] tbody tr').first().waitFor();
  const tries = (await emu.requests(since)).filter((r) => r.method === 'GET' && /\/backup_targets(\/detail)?$/.test(r.path));
  assert.deepEqual(tries.map((r) => r.status), [503, 503, 200]);
  assert.ok(Date.now() - started >= 1900, 'it waited the Retry-After each time');
  assert.deepEqual(page.errors, []);
});

test('a dropped connection on a read is retried too', async () => {
  const page = await newPage(browser);
  await emu.failNext({ drop: true, method: 'GET', path_contains: '/backup_target_types' });
  await signIn(page, emu.url, { path: '/target-types' });
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
});

test('the list\'s Take snapshot form says the workloads could not be read, and Try again brings them', async () => {
  const page = await newPage(browser);
  // 500 is not retried: the one workloads read the page opens with fails.
  await emu.failNext({ status: 500, method: 'GET', path_contains: '/workloads',
    body: '{"computeFault": {"message": "Workloads are down", "code": 500}}' });
  await signIn(page, emu.url, { path: '/snapshots' });
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'Take snapshot' }).first().click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load workloads' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /500/);
  assert.match(await alert.innerText(), /Workloads are down/);
  assert.equal(await page.getByRole('form', { name: 'Take snapshot' }).count(), 0, 'no form with an empty Workload list');
  await alert.getByRole('button', { name: 'Try again' }).click();
  const form = page.getByRole('form', { name: 'Take snapshot' });
  await form.getByLabel('Workload').selectOption({ label: 'ci-runners' });
  assert.deepEqual(page.errors, []);
});

test('a change is sent once: a 503 on create is shown, not retried, and the form keeps its input', async () => {
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/backup-targets/new' });
  await page.getByLabel('Filesystem export').fill('10.9.9.9:/exports/once');
  const since = await emu.lastSeq();
  await emu.failNext({ status: 503, retry_after: '1', method: 'POST', path_contains: '/backup_targets',
    body: '<html><head><title>503 Service Temporarily Unavailable</title></head><body>nginx</body></html>',
    content_type: 'text/html' });
  await page.getByRole('button', { name: 'Create target' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '503' }).first();
  await alert.waitFor();
  assert.match(await alert.innerText(), /503 Service Temporarily Unavailable/);
  await new Promise((r) => setTimeout(r, 1500));
  const posts = (await emu.requests(since)).filter((r) => r.method === 'POST');
  assert.equal(posts.length, 1, 'never retried');
  assert.equal(await page.getByLabel('Filesystem export').inputValue(), '10.9.9.9:/exports/once');
});

test('a cancel whose connection drops says its outcome is unknown and reloads the list', async () => {
  const taken = await emu.api('POST', `/workloads/${CI_RUNNERS}`, undefined,
    { snapshot: { is_scheduled: false, name: 'outcome-unknown', description: '' } });
  assert.ok([200, 202].includes(taken.status), JSON.stringify(taken.body));
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/snapshots' });
  const row = page.locator('table[aria-label="Snapshots"] tbody tr', { hasText: 'outcome-unknown' });
  await row.waitFor();
  await emu.failNext({ drop: true, path_contains: '/cancel' });
  const since = await emu.lastSeq();
  await row.getByRole('button', { name: 'Cancel snapshot outcome-unknown' }).click();
  const toast = page.locator('.toast', { hasText: 'Outcome unknown' });
  await toast.waitFor();
  assert.match(await toast.innerText(), /may or may not have been made/);
  await eventually(async () => (await emu.requests(since)).some((r) => r.method === 'GET' && r.path === `/v1/${PROJECT}/snapshots`),
    { what: 'the list reloaded' });
  const cancels = (await emu.requests(since)).filter((r) => r.path.endsWith('/cancel'));
  assert.equal(cancels.length, 1, 'sent once');
  await shot(page, '30-outcome-unknown');
});

test('hostile text in an error message and in a progress message is shown literally', async () => {
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/target-types' });
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  await emu.failNext({ status: 400, method: 'GET', path_contains: '/backup_target_types',
    body: JSON.stringify({ badRequest: { message: HOSTILE, code: 400 } }) });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '400' }).first();
  await alert.waitFor();
  assert.ok((await alert.innerText()).includes('<img src=x onerror=alert(1)>'), 'shown as text');
  assert.equal(await page.locator('img[src=x], svg[onload]').count(), 0, 'nothing became markup');

  // A snapshot whose progress message is hostile: the answer to its poll is crafted.
  const taken = await emu.api('POST', `/workloads/${CI_RUNNERS}`, undefined,
    { snapshot: { is_scheduled: false, name: 'hostile-progress', description: '' } });
  const id = taken.body.snapshot.id;
  const shown = await emu.api('GET', `/snapshots/${id}`);
  const crafted = { snapshot: { ...shown.body.snapshot, status: 'uploading', progress_percent: 40, progress_msg: HOSTILE + 'x'.repeat(3000) } };
  await emu.failNext({ status: 200, method: 'GET', path_contains: `/snapshots/${id}`, times: 50, body: JSON.stringify(crafted) });
  await page.goto(`${emu.url}/snapshots/${id}`);
  await page.getByText('{{7*7}}', { exact: false }).first().waitFor();
  assert.equal(await page.locator('img[src=x], svg[onload]').count(), 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `no page wider than the window (${overflow}px)`);
  assert.deepEqual(page.dialogs, [], 'no script ran');
  await shot(page, '31-hostile-progress');
});

test('a 401 while polling pauses it for the sign-in dialog, and signing in resumes it', async () => {
  // The pages of earlier tests poll their own snapshots: closed, so what is counted is this page's.
  await Promise.all(browser.contexts().map((c) => c.close()));
  const taken = await emu.api('POST', `/workloads/${CI_RUNNERS}`, undefined,
    { snapshot: { is_scheduled: false, name: 'poll-through-401', description: '' } });
  const id = taken.body.snapshot.id;
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/snapshots' });
  const row = page.locator('table[aria-label="Snapshots"] tbody tr', { hasText: 'poll-through-401' });
  await row.waitFor();
  await emu.failNext({ status: 401, method: 'GET', path_contains: `/snapshots/${id}`,
    body: '{"unauthorized": {"message": "Token expired", "code": 401}}' });
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await dialog.waitFor();
  // Requests of the same poll round may still be on their way; after them, silence.
  await new Promise((r) => setTimeout(r, 1000));
  const paused = await emu.lastSeq();
  await new Promise((r) => setTimeout(r, 2500));
  assert.deepEqual((await emu.requests(paused)).map((r) => r.path), [], 'nothing is sent while the dialog is open');
  await dialog.getByLabel('Token').fill('demo-admin-token');
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await eventually(async () => (await row.getAttribute('data-status')) === 'available',
    { timeout: 30000, what: 'polling to resume and see the snapshot finish' });
  assert.deepEqual(page.errors, []);
});

test('a slow answer to an older filter never replaces the newer one', async () => {
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/snapshots' });
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();
  // The next list request (host TVM1) is held back 2.5 s; the one after (TVM2) is not.
  await emu.failNext({ delay_ms: 2500, method: 'GET', path_contains: `/v1/${PROJECT}/snapshots` });
  const since = await emu.lastSeq();
  await page.getByLabel('Host', { exact: true }).fill('TVM1');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForTimeout(300);
  await page.getByLabel('Host', { exact: true }).fill('TVM2');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await eventually(async () => (await emu.requests(since)).filter((r) => r.query.includes('host=TVM1') && r.status).length === 1,
    { what: 'the slow answer to arrive' });
  await page.waitForTimeout(500);
  const hosts = await page.locator('table[aria-label="Snapshots"] tbody tr td:nth-child(7)').allInnerTexts();
  assert.ok(hosts.length > 0 && hosts.every((h) => h.trim() === 'TVM2'), hosts.join(','));
});

test('odd entries in a list are left out and said why, and never stop the sign-in or hide the rest', async () => {
  const real = await emu.api('GET', '/backup_targets/detail');
  const good = real.body.backup_targets;
  const odd = { backup_targets: [good[0], 42, null, { id: null, filesystem_export: '10.6.6.6:/no-id' }, ...good.slice(1)] };
  // The sign-in check (GET /backup_targets) and the list (GET /backup_targets/detail) both get it.
  await emu.failNext({ status: 200, method: 'GET', path_contains: '/backup_targets', times: 2, body: JSON.stringify(odd) });
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/backup-targets' });
  const rows = page.locator('table[aria-label="Backup targets"] tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), good.length, 'every good target shows');
  const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /3 backup targets in the server's answer could not be read/);
  assert.match(text, /entry 2: expected an object \(42\)/);
  assert.match(text, /no id \(named "10\.6\.6\.6:\/no-id"\)/);
  await shot(page, '32-unreadable-rows');
});

test('a page whose code does not arrive says so, and Try again shows it once the network is back', async () => {
  const page = await newPage(browser);
  // The snapshot pages' chunk (scripts/split-wasm.mjs), blocked before the background prefetch
  // can bring it.
  const chunk = /\/split_snapshots-[0-9a-f]{16}\.wasm$/;
  const blocked = [];
  await page.route(chunk, (route) => { blocked.push(route.request().url()); return route.abort('internetdisconnected'); });
  await signIn(page, emu.url, { path: '/overview' });
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshots' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'did not arrive from the server' });
  await alert.waitFor();
  await page.getByRole('heading', { name: 'This page could not be loaded', level: 1 }).waitFor();
  assert.ok(blocked.length >= 1, 'the chunk was asked for');
  assert.equal(await page.locator('#crash-banner').count(), 0, 'a missing chunk is not a crash');
  assert.deepEqual(page.errors, []);
  await shot(page, '65-chunk-not-loaded');
  await page.unroute(chunk);
  await Promise.all([page.waitForEvent('load'), alert.getByRole('button', { name: 'Try again' }).click()]);
  await page.locator('tbody tr[data-snapshot-id]').first().waitFor();
  assert.match(page.url(), /\/snapshots$/);
});

/** A deep link to the snapshots page whose chunk never comes: that chunk draws the page and the
 *  session's header, so neither does. Resolves with the header once the page has said so. */
async function deepLinkWithoutCode() {
  const page = await newPage(browser);
  await page.route(/\/split_snapshots-[0-9a-f]{16}\.wasm$/, (route) => route.abort('internetdisconnected'));
  await storeSession(page);
  await page.goto(emu.url + '/snapshots');
  await page.getByRole('heading', { name: 'This page could not be loaded', level: 1 }).waitFor();
  return { page, banner: page.getByRole('banner') };
}

test('a deep link whose code does not arrive still offers Sign out in the header', async () => {
  const { page, banner } = await deepLinkWithoutCode();
  assert.match(await banner.innerText(), /Backup Console/);
  await shot(page, '65a-deep-link-not-loaded');
  await banner.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You signed out.').waitFor();
  assert.match(page.url(), /\/login/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('wlm-console.session')), null, 'the session is gone');
  assert.deepEqual(page.errors, []);
});

test('a deep link whose code does not arrive gets its whole header from the next page opened', async () => {
  const { page, banner } = await deepLinkWithoutCode();
  assert.doesNotMatch(await banner.innerText(), /Project/, 'only Sign out while no chunk has come');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  await eventually(async () => /Project/.test(await banner.innerText()),
    { what: 'the header names the project once the overview code is here' });
  assert.equal(await banner.getByRole('button', { name: 'Sign out' }).count(), 1, 'one Sign out');
  await assertAccessible(page, 'the header after a failed deep link');
  assert.deepEqual(page.errors, []);
});

test('a page whose code is slow to come says it is loading, over the page being left and on an empty screen, and past 10 s offers a reload', async () => {
  const page = await newPage(browser);
  const chunk = /\/split_snapshots-[0-9a-f]{16}\.wasm$/;
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(chunk, async (route) => { await held; await route.continue(); });
  await signIn(page, emu.url, { path: '/overview' });
  const overview = page.getByRole('heading', { name: 'Overview', level: 1 });
  await overview.waitFor();
  const loading = page.getByRole('status').filter({ hasText: 'Loading the page…' });
  assert.equal(await loading.count(), 0, 'nothing loads once the page is there');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshots' }).click();
  await loading.waitFor({ timeout: 5000 });
  assert.ok(await overview.isVisible(), 'the page being left stays until the next one can be drawn');
  const [over, heading] = [await loading.boundingBox(), await overview.boundingBox()];
  assert.ok(over.y + over.height <= heading.y, `the note sits above the heading (${JSON.stringify({ over, heading })})`);
  await assertAccessible(page, 'a page loading over the one being left');
  await shot(page, '66-page-loading');
  // Past 10 s the note says the code is late and offers a reload, and the page still opens
  // when its code comes.
  const late = page.getByRole('status').filter({ hasText: 'has not arrived in 10 seconds' });
  await late.waitFor({ timeout: 15000 });
  assert.equal(await loading.count(), 0, 'the late note replaces "Loading the page…"');
  assert.ok(await page.getByRole('button', { name: 'Reload' }).isVisible(), 'a reload is offered');
  const [note, under] = [await late.boundingBox(), await overview.boundingBox()];
  assert.ok(note.y + note.height <= under.y, 'the late note pushes the page being left down, not over it');
  assert.ok(await overview.isVisible(), 'the page being left is still there');
  await assertAccessible(page, 'a page whose code is late');
  await shot(page, '66a-page-code-late');
  release();
  await page.getByRole('heading', { name: 'Snapshots', level: 1 }).waitFor();
  await eventually(async () => (await loading.count()) === 0, { what: 'the loading note gone with the page drawn' });
  assert.equal(await late.count(), 0, 'the late note went with the page drawn');
  assert.equal(await page.getByRole('button', { name: 'Reload' }).count(), 0, 'and its button');

  // A deep link, with the page's code held back again: the screen says why it is empty.
  const fresh = await newPage(browser);
  let releaseAgain;
  const heldAgain = new Promise((r) => { releaseAgain = r; });
  let holdingAgain = true;
  await fresh.route(chunk, async (route) => {
    if (holdingAgain && (await heldAgain) === 'abort') return route.abort().catch(() => {});
    return route.continue();
  });
  await signIn(fresh, emu.url, { path: '/snapshots' });
  const waiting = fresh.getByRole('main').getByRole('status').filter({ hasText: 'Loading the page…' });
  await waiting.waitFor({ timeout: 5000 });
  // The header's frame holds its place meanwhile: the page does not move down when it comes.
  const nav = fresh.getByRole('navigation', { name: 'Main' });
  const navWaiting = await nav.boundingBox();
  assert.ok(await fresh.getByRole('banner').getByText('Backup Console').isVisible(), 'the header frame, named');
  await shot(fresh, '67-page-loading-alone');
  // Still held past 10 s: Reload asks again, and this time the code comes.
  const reload = fresh.getByRole('main').getByRole('button', { name: 'Reload' });
  await reload.waitFor({ timeout: 15000 });
  // The reloaded page's request goes through. The held one is let go (failed) once the reload
  // has left, not before: unrouting, or letting it through, would bring the page without a
  // reload.
  holdingAgain = false;
  const [loaded, asked] = [fresh.waitForEvent('load'), fresh.waitForRequest((r) => r.isNavigationRequest())];
  const clicked = reload.click();
  await asked;
  releaseAgain('abort');
  await Promise.all([loaded, clicked]);
  await fresh.locator('tbody tr[data-snapshot-id]').first().waitFor();
  assert.match(fresh.url(), /\/snapshots$/);
  await fresh.getByRole('banner').getByRole('button', { name: 'Sign out' }).waitFor();
  const navDrawn = await nav.boundingBox();
  assert.deepEqual([navDrawn.x, navDrawn.y], [navWaiting.x, navWaiting.y], 'the navigation where it was while the page loaded');
  assert.equal(await waiting.count(), 0);
  assert.equal(await reload.count(), 0);
  assert.deepEqual([...page.errors, ...fresh.errors], []);
  await fresh.context().close();
  await page.context().close();
});
