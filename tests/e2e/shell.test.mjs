// Issue 2: sign in with Project ID and Token, see the three areas, sign out, bad tokens,
// and a 401 in the middle of a session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  useSuite, newPage, storeSession, consoleSession, signIn, shot, assertAccessible, eventually, startEmulator, DIST, FORCED_PANIC_DIST, PROJECT, ADMIN,
} from './harness.mjs';

let emu;
let browser;
useSuite({}, (s) => ({ emu, browser } = s));

/** Every chip of `table` is one line high, `expected` among them (the tables have room). */
async function assertChipsOnOneLine(table, expected) {
  const chips = await table.locator('.chip').evaluateAll((cs) => cs.map((c) => [c.innerText, c.getBoundingClientRect().height]));
  const oneLine = Math.min(...chips.map(([, h]) => h));
  assert.ok(chips.some(([text]) => text === expected), `${expected} is a chip: ${JSON.stringify(chips)}`);
  assert.ok(chips.every(([, h]) => h < 1.5 * oneLine), `every chip on one line: ${JSON.stringify(chips)}`);
}

test('sign in, visit the three areas, sign out', async () => {
  const page = await newPage(browser);
  await page.goto(emu.url + '/');
  await page.getByRole('heading', { name: 'Sign in to the Backup Console' }).waitFor();
  await shot(page, '01-login');
  await assertAccessible(page, 'login page');
  await signIn(page, emu.url);
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.match(await page.locator('.app-header').innerText(), new RegExp(PROJECT));
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.locator('a[aria-current="page"]').innerText(), 'Overview');
  await nav.getByRole('link', { name: 'Backup targets' }).click();
  await page.locator('table[aria-label="Backup targets"] tbody tr').first().waitFor();
  await shot(page, '02-backup-targets');
  await assertChipsOnOneLine(page.locator('table[aria-label="Backup targets"]'), 'object-locked');

  await nav.getByRole('link', { name: 'Target types' }).click();
  await page.getByRole('heading', { name: 'Target types', level: 1 }).waitFor();
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  assert.equal(await nav.locator('a[aria-current="page"]').innerText(), 'Target types');
  await shot(page, '03-target-types');
  // With room to spare, a short name and a metadata pair keep their words whole.
  const types = page.locator('table[aria-label="Backup target types"]');
  const lines = await types.getByRole('link', { name: 'BTT-name', exact: true }).evaluate((a) => a.getClientRects().length);
  assert.equal(lines, 1, 'a short name on one line');
  await assertChipsOnOneLine(types, 'nfs=secondary');

  await nav.getByRole('link', { name: 'Snapshots' }).click();
  await page.getByRole('heading', { name: 'Snapshots', level: 1 }).waitFor();
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();
  await shot(page, '04-snapshots');

  // The token stays out of URLs: the page's and every request's.
  assert.ok(!page.url().includes(ADMIN));
  const requests = await emu.requests();
  assert.ok(requests.length > 0);
  for (const r of requests) {
    assert.ok(!r.query.includes(ADMIN) && !r.path.includes(ADMIN));
    assert.equal(r.accept, 'application/json');
    assert.equal(r.project_header, PROJECT);
    assert.equal(r.token_ok, true);
  }
  const stored = await page.evaluate(() => Object.keys(window.localStorage).length);
  assert.equal(stored, 0, 'nothing in localStorage');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to the Backup Console' }).waitFor();
  assert.equal(await page.evaluate(() => window.sessionStorage.length), 0, 'sign out clears the session');
  await page.goto(emu.url + '/snapshots');
  await page.getByRole('heading', { name: 'Sign in to the Backup Console' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('Back and Forward walk the pages and their filters in the same document; each page names the tab and takes focus; the skip link stays put', async () => {
  const page = await newPage(browser);
  // The tab's title (the page's name isolated for its direction), and what has focus.
  const title = () => page.evaluate(() => document.title.replace(/[\u2068\u2069]/g, ''));
  const focused = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent.trim().slice(0, 40)}`);
  await page.goto(emu.url + '/');
  await page.getByRole('heading', { name: 'Sign in to the Backup Console' }).waitFor();
  assert.equal(await title(), 'Sign in · Backup Console');
  await signIn(page, emu.url);
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await title(), 'Overview · Backup Console');
  // A mark on the window, which a reload would lose.
  await page.evaluate(() => { window.wlmSameDocument = true; });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Snapshots' }).click();
  const table = page.getByRole('table', { name: 'Snapshots', exact: true });
  await table.locator('tbody tr').first().waitFor();
  assert.equal(await title(), 'Snapshots · Backup Console');
  await eventually(async () => (await focused()) === 'H1 Snapshots', { what: 'focus on the new page\'s heading' });
  await page.getByLabel('Host', { exact: true }).fill('TVM1');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/\/snapshots\?host=TVM1$/);
  await page.waitForTimeout(300);
  assert.equal(await focused(), 'BUTTON Apply filters', 'new filters leave focus where the admin is');
  // The unfiltered rows stay until the filtered list is in: pick a row of the filtered one.
  await eventually(async () => {
    const hosts = await table.locator('tbody tr td:nth-child(7)').allTextContents();
    return hosts.length > 0 && hosts.every((h) => h.trim() === 'TVM1');
  }, { what: 'only TVM1 rows' });
  const first = table.locator('tbody tr a').first();
  const name = (await first.innerText()).trim();
  await first.click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/snapshots\/[^/]+$/);
  assert.equal(await title(), `${name} · Backup Console`);
  await eventually(async () => (await focused()) === `H1 ${name.slice(0, 40)}`, { what: 'focus on the detail page\'s heading, once it has its data' });

  await page.goBack();
  await page.waitForURL(/\/snapshots\?host=TVM1$/);
  await table.locator('tbody tr').first().waitFor();
  assert.equal(await page.getByLabel('Host', { exact: true }).inputValue(), 'TVM1', 'the filter form follows the URL');
  await page.goBack();
  await page.waitForURL(/\/snapshots$/);
  await page.goBack();
  await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
  assert.equal(await nav.locator('a[aria-current="page"]').innerText(), 'Overview');
  assert.equal(await title(), 'Overview · Backup Console');
  await page.goForward();
  await page.getByRole('heading', { name: 'Snapshots', level: 1 }).waitFor();
  assert.equal(await nav.locator('a[aria-current="page"]').innerText(), 'Snapshots');

  // The skip link is the browser's: focus moves to the main landmark, the page stays.
  await page.getByRole('link', { name: 'Skip to main content' }).press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.getByRole('heading', { name: 'Snapshots', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.wlmSameDocument), true, 'never reloaded');
  assert.deepEqual(page.errors, []);
});

test('the sign-in page fetches no page code; a deep link fetches its area; the other areas follow in the background', async () => {
  const page = await newPage(browser);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.slice(1)); });
  // A deep link without a session is the sign-in page: its page's code is not fetched yet.
  await page.goto(emu.url + '/snapshots');
  await page.getByRole('heading', { name: 'Sign in to the Backup Console' }).waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(wasm.filter((f) => !/^wlm-console-[0-9a-f]+_bg\.wasm$/.test(f)), [], 'only the start-up wasm before signing in');
  await signIn(page, emu.url, { path: '/snapshots' });
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();
  assert.ok(wasm.some((f) => f.startsWith('split_snapshots-')), 'the snapshot pages came with the deep link');
  assert.ok(!wasm.some((f) => f.startsWith('split_target_types-')), 'no other area yet');
  await eventually(() => ['overview', 'backup_targets', 'target_types'].every((a) => wasm.some((f) => f.startsWith(`split_${a}-`))),
    { what: 'the other areas prefetched' });
  const fetched = wasm.length;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Type access' }).click();
  await page.getByRole('heading', { name: 'Target type access', level: 1 }).waitFor();
  await nav.getByRole('link', { name: 'Backup targets' }).click();
  await page.locator('table[aria-label="Backup targets"] tbody tr').first().waitFor();
  assert.deepEqual(wasm.slice(fetched), [], 'a first visit after the prefetch waits for no code');
  const chunks = wasm.filter((f) => !f.startsWith('wlm-console-'));
  assert.equal(new Set(chunks).size, chunks.length, 'no chunk fetched twice');
  assert.deepEqual(page.errors, []);
});

test('a deep link reads its data while its code is still arriving, and each GET goes out once', async () => {
  const page = await newPage(browser);
  await signIn(page, emu.url, { path: '/backup-targets' });
  await page.locator('table[aria-label="Backup targets"] tbody tr').first().waitFor();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/split_snapshots-[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
  const since = await emu.lastSeq();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.slice(1)); });
  await page.goto(emu.url + '/snapshots?host=TVM1');
  const reads = async () => (await emu.requests(since)).filter((r) => r.method === 'GET').map((r) => `${r.path}?${r.query}`);
  await eventually(async () => (await reads()).includes(`/v1/${PROJECT}/snapshots?host=TVM1`)
    && (await reads()).includes(`/v1/${PROJECT}/workloads?`), { what: 'the list and the workloads read while the code is held' });
  assert.equal(await page.getByRole('heading', { name: 'Snapshots', level: 1 }).count(), 0, 'the page itself waits for its code');
  release();
  const table = page.getByRole('table', { name: 'Snapshots', exact: true });
  await table.locator('tbody tr').first().waitFor();
  assert.match(await table.innerText(), /TVM1/, 'the rows are those the URL filters for');
  const gets = await reads();
  assert.deepEqual(gets.filter((g, i) => gets.indexOf(g) !== i), [], `each GET once: ${gets.join(', ')}`);
  assert.deepEqual(wasm.filter((f, i) => wasm.indexOf(f) !== i), [], `each chunk fetched once: ${wasm}`);
  assert.deepEqual(page.errors, []);
});

test('a page\'s opening reads leave with its HTML, before the console\'s code, and each GET still goes out once', async () => {
  const page = await newPage(browser);
  await storeSession(page);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/wlm-console-[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
  const since = await emu.lastSeq();
  await page.goto(emu.url + '/snapshots?all=true&host=TVM1');
  const reads = async () => (await emu.requests(since)).filter((r) => r.method === 'GET')
    .map((r) => `${r.path.replace(`/v1/${PROJECT}`, '')}?${r.query}`);
  await eventually(async () => (await reads()).includes('/snapshots?host=TVM1&all=true') && (await reads()).includes('/workloads?'),
    { what: 'the list and the workloads read while the start-up code is held' });
  assert.equal(await page.locator('.app-header, .page').count(), 0, 'the console itself has not started');
  release();
  const table = page.getByRole('table', { name: 'Snapshots', exact: true });
  await table.locator('tbody tr').first().waitFor();
  const hosts = await table.locator('tbody tr td:nth-child(7)').allInnerTexts();
  assert.ok(hosts.length > 0 && hosts.every((h) => h.trim() === 'TVM1'), `the rows are those the URL filters for: ${hosts}`);
  const gets = (await reads()).filter((g) => !/^\/snapshots\/[^/?]+\?$/.test(g));
  assert.deepEqual([...gets].sort(), ['/snapshots?host=TVM1&all=true', '/workloads?'], `each GET once: ${gets.join(', ')}`);
  assert.deepEqual(page.errors, []);
});

test('an expired stored session is never sent: the sign-in page, and not one read of the API', async () => {
  const page = await newPage(browser);
  await storeSession(page, consoleSession({ expires_at: new Date(Date.now() - 60_000).toISOString() }));
  const since = await emu.lastSeq();
  await page.goto(emu.url + '/snapshots?all=true');
  await page.getByRole('heading', { name: 'Sign in to the Backup Console' }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual((await emu.requests(since)).map((r) => `${r.method} ${r.path}`), [], 'nothing reached the API');
  assert.deepEqual(page.errors, []);
});

test('a deep link asks for its own area\'s code while the start-up code is still arriving, and only for that', async () => {
  // early-reads.js names the area of the address, the chunk loader starts its modules: should
  // the script and the router ever disagree, a page's code would come late or another's in vain.
  const deepLinks = [
    ['/', 'overview'], ['/overview/', 'overview'], ['/backup-targets', 'backup_targets'],
    ['/backup-targets/new', 'backup_targets'], ['/backup-targets/nfs%2F1', 'backup_targets'],
    ['/target-types', 'target_types'], ['/target-types/new', 'target_types'], ['/target-types/t-1/edit', 'target_types'],
    ['/type-access', 'target_types'], ['/snapshots?all=true', 'snapshots'], ['/snapshots/new', 'snapshots'],
    ['/snapshots/s-1', 'snapshots'], ['/snapshots/s-1/more', null], ['/snapshotsx', null], ['/login', null],
  ];
  for (const [path, area] of deepLinks) {
    const page = await newPage(browser);
    await storeSession(page);
    const wasm = [];
    page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname.slice(1)); });
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(/\/wlm-console-[^/]*\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(emu.url + path, { waitUntil: 'commit' });
    const areas = () => wasm.filter((f) => f.startsWith('split_')).map((f) => f.replace(/^split_(\w+)-.*$/, '$1'));
    if (area) await eventually(() => areas().length > 0, { what: `${path}: its area's code asked for` });
    else await page.waitForTimeout(500);
    assert.deepEqual(areas(), area ? [area] : [], `${path}: ${wasm.join(', ')}`);
    assert.equal(await page.locator('.app-header, .page').count(), 0, `${path}: the console itself has not started`);
    release();
    if (area === 'snapshots' && path.includes('all')) {
      await page.getByRole('table', { name: 'Snapshots', exact: true }).locator('tbody tr').first().waitFor();
      await page.waitForTimeout(300);
      const chunks = wasm.filter((f) => !f.startsWith('wlm-console-'));
      assert.equal(new Set(chunks).size, chunks.length, `each chunk fetched once: ${wasm}`);
      assert.deepEqual(page.errors, []);
    }
    await page.close();
  }
});

test('opening any page by its address reads what it shows, each list once, and nothing else', async () => {
  // The route sends a page's opening reads before its code arrives; the page then takes those
  // answers. Should the two ever ask for different things, a read would go out twice or in vain.
  const done = (await emu.api('GET', '/snapshots')).body.snapshots.find((x) => x.status === 'available');
  const detail = `/snapshots/${done.id}`;
  const pages = [
    ['/overview', 'table[aria-label="Protection coverage"] tbody tr', ['/backup_targets/detail?', '/snapshots?', '/workloads?']],
    ['/backup-targets', 'table[aria-label="Backup targets"] tbody tr', ['/backup_targets/detail?', '/backup_target_types/detail?']],
    ['/target-types', 'table[aria-label="Backup target types"] tbody tr', ['/backup_target_types/detail?', '/backup_targets/detail?']],
    ['/type-access', 'table[aria-label="Projects by target type"] tbody tr', ['/backup_target_types/detail?']],
    ['/snapshots?host=TVM1', 'table[aria-label="Snapshots"] tbody tr', ['/snapshots?host=TVM1', '/workloads?']],
    ['/snapshots?all=1&workload_id=%20&host=TVM2&date_from=2000-01-01T00%3A00%3A00', 'table[aria-label="Snapshots"] tbody tr',
      ['/snapshots?host=TVM2&date_from=2000-01-01T00%3A00%3A00&all=true', '/workloads?']],
    ['/', 'table[aria-label="Protection coverage"] tbody tr', ['/backup_targets/detail?', '/snapshots?', '/workloads?']],
    [detail, 'h2:text("Instances")', [`${detail}?`, '/workloads?']],
  ];
  for (const [path, ready, expected] of pages) {
    const page = await newPage(browser);
    await storeSession(page);
    const since = await emu.lastSeq();
    await page.goto(emu.url + path);
    await page.locator(ready).first().waitFor();
    // Polls of single moving snapshots come later and are not the page's opening reads.
    const gets = (await emu.requests(since)).filter((r) => r.method === 'GET')
      .map((r) => `${r.path.replace(`/v1/${PROJECT}`, '')}?${r.query}`)
      .filter((g) => !/^\/snapshots\/[^/?]+\?$/.test(g) || g === `${detail}?`);
    assert.deepEqual([...gets].sort(), [...expected].sort(), `${path} read: ${gets.join(', ')}`);
    assert.deepEqual(page.errors, [], path);
    await page.close();
  }
});

test('a bad token is rejected with a clear message', async () => {
  const page = await newPage(browser);
  await signIn(page, emu.url, { token: 'not-a-real-token' });
  const alert = page.getByRole('alert').filter({ hasText: 'rejected' });
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /token was rejected/i);
  assert.match(text, /401/);
  assert.match(text, /Request ID: req-/);
  assert.ok(!text.includes('not-a-real-token'), 'the token is never echoed');
  assert.match(page.url(), /\/login/);
  assert.equal(await page.evaluate(() => window.sessionStorage.length), 0);
  await shot(page, '05-login-rejected');
});

test('a deep link survives sign-in, and a 401 mid-session asks to sign in again over the page', async () => {
  const page = await newPage(browser);
  await page.goto(emu.url + '/snapshots?host=TVM2');
  await page.getByLabel('Project ID').waitFor();
  await signIn(page, emu.url, { path: page.url().replace(emu.url, '') });
  await page.waitForURL(/\/snapshots\?host=TVM2$/);
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();
  const hosts = await page.locator('table[aria-label="Snapshots"] tbody tr td:nth-child(7)').allInnerTexts();
  assert.ok(hosts.length > 0 && hosts.every((h) => h.trim() === 'TVM2'), hosts.join(','));

  // The token is revoked: the next call answers 401.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Target types' }).click();
  // Let the page finish loading first, so the revoked token meets the Refresh.
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  await emu.failNext({ status: 401, body: '{"unauthorized": {"message": "Token expired", "code": 401}}', path_contains: '/backup_target' });
  await page.getByRole('button', { name: 'Refresh' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /HTTP 401/);
  assert.match(page.url(), /\/target-types$/, 'the page stays');
  assert.equal(await dialog.getByLabel('Project ID').inputValue(), PROJECT);
  await dialog.getByLabel('Token').fill(ADMIN);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  assert.deepEqual(page.errors, []);
});

test('the console is usable at 768 px wide', async () => {
  const page = await newPage(browser, { width: 768, height: 1000 });
  await signIn(page, emu.url);
  await page.getByRole('table', { name: 'Protection coverage' }).locator('tbody tr').first().waitFor();
  await shot(page, '06-overview-768');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(await overflow() <= 1, `the overview does not scroll sideways (${await overflow()}px)`);
  await page.goto(emu.url + '/backup-targets');
  await page.locator('table[aria-label="Backup targets"] tbody tr').first().waitFor();
  await shot(page, '06-targets-768');
  assert.ok(await overflow() <= 1, `the page itself does not scroll sideways (${await overflow()}px)`);
  await assertNarrowTable(page, 'Backup targets', ['Version', 'Target types', 'Created / updated']);
  // The areas go in a row above the page, which so keeps the whole width.
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  const heading = await page.getByRole('heading', { name: 'Backup targets', level: 1 }).boundingBox();
  assert.ok(nav.y + nav.height <= heading.y && heading.x < 40, `the areas stand above the page (${JSON.stringify({ nav, heading })})`);
  await page.goto(emu.url + '/snapshots');
  await page.locator('table[aria-label="Snapshots"] tbody tr').first().waitFor();
  await shot(page, '06-snapshots-768');
  assert.ok(await overflow() <= 1, `the snapshots page does not scroll sideways (${await overflow()}px)`);
  await assertNarrowTable(page, 'Snapshots', ['Type', 'Host']);
  await assertAccessible(page, 'snapshots at 768 px');
  await page.goto(emu.url + '/target-types');
  await page.locator('table[aria-label="Backup target types"] tbody tr').first().waitFor();
  await shot(page, '06-types-768');
  await assertNarrowTable(page, 'Backup target types', ['Metadata']);
  // A wide window has every column again, and no line about what is left out.
  await page.setViewportSize({ width: 1366, height: 900 });
  const table = page.getByRole('table', { name: 'Backup target types' });
  await table.getByRole('columnheader', { name: /^Metadata/ }).waitFor();
  assert.equal(await page.getByText(/left out of the table/).isVisible(), false, 'no line about columns left out');
  // At 1280 px the targets, the widest table, keep every column by wrapping their cells.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(emu.url + '/backup-targets');
  const targets = page.getByRole('table', { name: 'Backup targets' });
  await targets.getByRole('columnheader', { name: /^Version/ }).waitFor();
  const fit = await targets.evaluate((t) => t.scrollWidth - t.parentElement.clientWidth);
  assert.ok(fit <= 1, `the targets fit at 1280 px (${fit}px over)`);
});

/**
 * A narrow table fits its frame: the `leftOut` columns are gone from its headers (and so from
 * what a screen reader reads), every row has a cell under each remaining header, and a line
 * above the table names what is left out.
 */
async function assertNarrowTable(page, name, leftOut) {
  const table = page.getByRole('table', { name });
  const fit = await table.evaluate((t) => ({ wrap: t.parentElement.clientWidth, table: t.scrollWidth }));
  assert.ok(fit.table <= fit.wrap + 1, `${name}: the table fits its frame (${JSON.stringify(fit)})`);
  const headers = await table.getByRole('columnheader').allInnerTexts();
  for (const column of leftOut) {
    assert.ok(!headers.some((h) => h.startsWith(column)), `${name}: ${column} is left out (${headers})`);
  }
  assert.ok(headers.some((h) => h.startsWith('Actions')), `${name}: the actions stay (${headers})`);
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].filter((c) => c.checkVisibility()).length));
  assert.ok(cells.every((n) => n === headers.length), `${name}: each row has ${headers.length} cells (${cells})`);
  const line = await page.getByText(/left out of the table/).innerText();
  for (const column of leftOut) assert.ok(line.includes(column), `${name}: the line names ${column}: ${line}`);
}

test('a deep link opened in a new tab reads config.json from the root, not beside the path', async () => {
  // A deployment with its own title and an absolute endpoint, unlike the defaults.
  const dist = mkdtempSync(join(tmpdir(), 'wlm-dist-'));
  cpSync(DIST, dist, { recursive: true });
  const custom = await startEmulator([], { dist });
  try {
    const endpoint = `${custom.url}/v1/{project_id}`;
    writeFileSync(join(dist, 'config.json'), JSON.stringify({ endpoint, title: 'Acme Cloud Backups' }));
    const page = await newPage(browser);
    await page.goto(custom.url + '/backup-targets/new');
    await page.getByLabel('Project ID').waitFor();
    await page.getByText('Endpoint', { exact: true }).click();
    await eventually(async () => (await page.getByLabel('Workloadmgr endpoint').inputValue()) === endpoint,
      { what: 'the configured endpoint in the login form' });
    await page.getByLabel('Project ID').fill(PROJECT);
    await page.getByLabel('Token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Filesystem export').waitFor();
    assert.match(page.url(), /\/backup-targets\/new$/);
    assert.equal(await page.locator('.app-header__title').innerText(), 'Acme Cloud Backups');
  } finally {
    await custom.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});

test('a next= that the URL parser would turn into another origin leads home after sign-in', async () => {
  for (const next of ['%2F%09%2Fevil.example', '%2F%250A%2Fevil.example']) {
    const page = await newPage(browser);
    await page.goto(`${emu.url}/login?next=${next}`);
    await page.getByLabel('Project ID').fill(PROJECT);
    await page.getByLabel('Token').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).origin, emu.url, `${next} stays on the console`);
    assert.equal(new URL(page.url()).pathname, '/overview');
    await page.context().close();
  }
});

test('a panic shows the crash banner with a reload link instead of a dead page', async () => {
  // The test build adds one thing: a window event that panics.
  const forced = await startEmulator([], { dist: FORCED_PANIC_DIST });
  try {
    const page = await newPage(browser);
    await signIn(page, forced.url, { path: '/backup-targets' });
    await page.locator('table[aria-label="Backup targets"] tbody tr').first().waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('wlm-force-panic')));
    const banner = page.locator('#crash-banner[role=alert]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /stopped working/);
    assert.doesNotMatch(await banner.innerText(), /forced by the end-to-end suite/, 'no internals on screen');
    await shot(page, '07-crash-banner');
    await Promise.all([page.waitForEvent('load'), banner.getByRole('link', { name: 'Reload the console' }).click()]);
    await page.locator('table[aria-label="Backup targets"] tbody tr').first().waitFor();
    assert.equal(await page.locator('#crash-banner').count(), 0, 'a reload starts afresh, still signed in');
  } finally {
    await forced.stop();
  }
});

test('nginx answers the page, a hashed asset, config.json, a deep link and the API with the security headers', async () => {
  const index = await (await fetch(`${emu.url}/`)).text();
  const asset = index.match(/\/wlm-console-[0-9a-f]{1,16}_bg\.wasm/)[0];
  const noStore = 'no-store';
  const immutable = 'public, max-age=31536000, immutable';
  for (const [path, cache, type] of [['/', noStore, 'text/html'], ['/index.html', noStore, 'text/html'],
    ['/config.json', noStore, 'application/json'], ['/snapshots/0b6f3a4c-deep-link', noStore, 'text/html'],
    [asset, immutable, 'application/wasm']]) {
    const r = await fetch(emu.url + path, { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(r.status, 200, path);
    const h = (name) => r.headers.get(name);
    assert.equal(h('cache-control'), cache, `${path} cache-control`);
    assert.ok(h('content-type').startsWith(type), `${path} content-type ${h('content-type')}`);
    assert.equal(h('x-content-type-options'), 'nosniff', path);
    assert.equal(h('referrer-policy'), 'no-referrer', path);
    const csp = h('content-security-policy');
    assert.match(csp, /^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*')+; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/, path);
    assert.ok(!/unsafe-inline|unsafe-eval'/.test(csp.replace("'wasm-unsafe-eval'", '')), path);
    // Each inline script (trunk's loader, the early reads) by its own hash, and nothing more.
    assert.equal(csp.match(/'sha256-/g).length, index.match(/<script[ >]/g).length, `${path}: one hash per inline script`);
    if (path.startsWith('/snapshots/')) assert.match(await r.text(), /<script type="module">/, 'a deep link is the app');
  }
  // The build's own compressed files, brotli to a browser that takes it, gzip otherwise.
  for (const [accept, encoding, suffix] of [['gzip, deflate, br, zstd', 'br', 'br'], ['gzip, deflate', 'gzip', 'gz']]) {
    const r = await fetch(emu.url + asset, { headers: { 'Accept-Encoding': accept } });
    assert.equal(r.headers.get('content-encoding'), encoding, `the wasm for Accept-Encoding: ${accept}`);
    assert.equal(Number(r.headers.get('content-length')), statSync(join(DIST, `${asset}.${suffix}`)).size,
      `the wasm as compressed at build (${suffix})`);
  }
  const api = await fetch(`${emu.url}/v1/${PROJECT}/backup_targets`, { headers: { 'X-Auth-Token': ADMIN } });
  assert.equal(api.status, 200);
  assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(api.headers.get('cache-control'), 'no-store');
});
