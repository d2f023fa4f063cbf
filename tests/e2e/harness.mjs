// Shared set-up for the end-to-end tests: a fresh emulator per test file (serving the release
// build), Debian's Chromium through playwright-core, screenshots and axe-core checks.
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
export const PROJECT = 'c76b3355a164498aa95ddbc960adc238';
export const OTHER_PROJECT = 'fc439373e340459fb28202b2412e26c0';
export const ADMIN = 'demo-admin-token';
export const MEMBER = 'demo-member-token';
export const WORKLOAD_1 = '18b809de-d7c8-41e2-867d-4a306407fb11';
export const SHOTS = join(here, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export const DIST = join(root, 'dist');
/** A debug build with `--features forced-panic` (scripts/test.sh builds it). */
export const FORCED_PANIC_DIST = join(root, 'target', 'dist-forced-panic');

/** Origins the browser may talk to: the nginx fronts started here (and a test's own portal). */
export const allowedOrigins = new Set();
/** CSP violations, missing headers and requests that left the origin, on every page. */
export const guardProblems = [];

/** Spawns `cmd` and resolves once a line of its stdout matches `pattern` (with the match). */
function spawnUntil(cmd, args, pattern, what, env) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${out}`)), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(pattern);
      if (m) { clearTimeout(timer); resolve(m); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${what} exited ${code}: ${out}`)); });
  });
  return { child, ready };
}

/**
 * Starts the emulator, and nginx in front of it (scripts/nginx.sh, as deployed): the console
 * from `dist`, the API under /v1/, Keystone under /identity/ when `keystoneUpstream` is given.
 * `url` is nginx's origin (what the browser uses); the test hooks go to the emulator directly.
 */
export async function startEmulator(extra = [], { dist = DIST, port, keystoneUpstream, frameAncestors } = {}) {
  // Before anything is started: a missing build would leave an emulator nobody stops.
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`no console build in ${dist}: scripts/test.sh builds it (its trunk build lines say how)`);
  }
  const bin = process.env.EMULATOR_BIN || join(root, 'target', 'debug', 'wlm-emulator');
  const args = ['--port', '0', '--snapshot-seconds', '6', '--create-delay-ms', '1500', '--tick-ms', '200', ...extra];
  const emulator = spawnUntil(bin, args, /listening on (http:\/\/[^/\s]+)\//, 'emulator');
  const direct = (await emulator.ready)[1];
  const nginxPort = port ?? await freePort();
  const env = { PORT: String(nginxPort), DIST: dist, WLM_UPSTREAM: direct, KEYSTONE_UPSTREAM: keystoneUpstream ?? '',
    FRAME_ANCESTORS: frameAncestors ?? '' };
  const nginx = spawnUntil(join(root, 'scripts', 'nginx.sh'), [], /nginx listening on (http:\/\/[^/\s]+)\//, 'nginx', env);
  const url = await nginx.ready.then((m) => m[1], (e) => {
    emulator.child.kill('SIGTERM');
    nginx.child.kill('SIGTERM');
    throw e;
  });
  allowedOrigins.add(url);
  const child = emulator.child;
  return {
    url,
    direct,
    async stop() {
      nginx.child.kill('SIGTERM');
      child.kill('SIGTERM');
      await new Promise((r) => (nginx.child.exitCode !== null ? r() : nginx.child.once('exit', r)));
    },
    /** Every API request the emulator received after `since` (its sequence number). */
    async requests(since = 0) {
      const r = await fetch(`${direct}/_emulator/requests?since=${since}`);
      return (await r.json()).requests;
    },
    async lastSeq() {
      const all = await this.requests(0);
      return all.length ? all[all.length - 1].seq : 0;
    },
    /** Holds a running snapshot's progress still, its last update `stalledMinutes` ago. */
    async hold(id, held = true, stalledMinutes) {
      const body = { id, held, ...(stalledMinutes ? { stalled_minutes: stalledMinutes } : {}) };
      const r = await fetch(`${direct}/_emulator/hold`, { method: 'POST', body: JSON.stringify(body) });
      assert.equal(r.status, 204);
    },
    /** Makes the next matching API request fail with this answer. */
    async failNext(fault) {
      const r = await fetch(`${direct}/_emulator/fail_next`, { method: 'POST', body: JSON.stringify(fault) });
      assert.equal(r.status, 204);
    },
    /** Calls the API directly, to check what the console did. */
    async api(method, path, token = ADMIN, body, project = PROJECT) {
      const r = await fetch(`${url}/v1/${project}${path}`, {
        method,
        headers: { 'X-Auth-Token': token, 'X-Auth-Project-Id': project, Accept: 'application/json',
          ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The console's session for the demo project as admin, with `extra` fields over it. */
/** An API string as the console sets it inside a sentence of its own (a toast, a dialog's title):
 * between U+2068 and U+2069, which keep its direction to itself (`Isolated`). */
export const iso = (text) => `\u2068${text}\u2069`;
export const consoleSession = (extra = {}) => ({ endpoint: '/v1/{project_id}', project_id: PROJECT, token: ADMIN, ...extra });

/** Puts `value` under `key` in the sessionStorage of every page `target` (a page or a context) opens. */
export async function storeSession(target, value = consoleSession(), key = 'wlm-console.session') {
  await target.addInitScript(([k, v]) => sessionStorage.setItem(k, v), [key, JSON.stringify(value)]);
}

/** A fresh page; page errors and dialogs (alert from injected HTML) are collected. The browser's
 *  "Leave site?" (a page left with unsent input) is counted in `unloadAsks` and answered Leave,
 *  or Stay while `stayOnUnload` is set. */
export async function newPage(browser, viewport = { width: 1366, height: 900 }, { guarded = true } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation',
    (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)));
  const page = await context.newPage();
  if (guarded) guard(page);
  page.errors = [];
  page.dialogs = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.unloadAsks = 0;
  page.stayOnUnload = false;
  page.on('dialog', async (d) => {
    if (d.type() !== 'beforeunload') {
      page.dialogs.push(d.message());
      return d.dismiss();
    }
    page.unloadAsks += 1;
    return page.stayOnUnload ? d.dismiss() : d.accept();
  });
  return page;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/** Records what the deployment must never do: a CSP violation, a request to another origin, an
 *  answer of the front door without its security headers. */
function guard(page) {
  page.on('console', (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) guardProblems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (['data:', 'blob:', 'about:'].includes(u.protocol)) return;
    if (!allowedOrigins.has(u.origin)) guardProblems.push(`a request left the origin: ${r.method()} ${r.url()}`);
  });
  page.on('response', async (r) => {
    const u = new URL(r.url());
    // A portal's pages carry the portal's own headers, not the console's.
    if (!allowedOrigins.has(u.origin) || portalOrigins.has(u.origin) || r.status() === 0) return;
    const headers = await r.allHeaders().catch(() => null);
    if (!headers) return;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (headers[name] !== value) guardProblems.push(`${r.url()}: ${name} is ${headers[name]}`);
    }
    if (r.request().resourceType() === 'document' && !headers['content-security-policy']) {
      guardProblems.push(`${r.url()}: no Content-Security-Policy`);
    }
  });
}

/** Portal origins (Horizon): the browser may talk to them; their headers are their own. */
const portalOrigins = new Set();
export function allowPortal(origin) { allowedOrigins.add(origin); portalOrigins.add(origin); }

/** Fails when any page of the file broke a deployment rule. */
export function assertGuarded() {
  assert.deepEqual(guardProblems.splice(0), [], 'CSP violations, missing headers or requests off the origin');
}

export async function signIn(page, url, { token = ADMIN, project = PROJECT, path = '/' } = {}) {
  await page.goto(url + path);
  await page.getByLabel('Project ID').fill(project);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function shot(page, name, { fullPage = true } = {}) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** axe-core: no violation of serious or critical impact. */
export async function assertAccessible(page, what) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
    `accessibility violations on ${what}`);
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function eventually(check, { timeout = 15000, every = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last) return last;
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * Waits until `table` holds every row its count line ("Showing 25 of 120 …") says is shown:
 * a page's rows are drawn a few per task (`rows_in_steps`), so its first row is not all of them.
 */
export async function rowsDrawn(page, table) {
  await eventually(async () => {
    const line = await page.locator('.table-count').first().textContent();
    const shown = Number(line?.match(/Showing (\d+) of/)?.[1]);
    const drawn = await table.locator('tbody tr[data-snapshot-id]').count();
    return shown === drawn && drawn;
  }, { what: 'every row of the page drawn' });
}

/**
 * One emulator (with `args`) and one browser for a test file, stopped after it. With
 * `signInAs`, also a page signed in with those options and showing `ready`. `use` receives
 * them once started.
 */
export function useSuite({ signInAs, ready, args = [] } = {}, use = () => {}) {
  let emu;
  let browser;
  before(async () => {
    emu = await startEmulator(args);
    browser = await launchBrowser();
    let page;
    if (signInAs) {
      page = await newPage(browser);
      await signIn(page, emu.url, signInAs);
      await page.locator(ready).first().waitFor();
    }
    use({ emu, browser, page });
  });
  after(async () => { await browser?.close(); await emu?.stop(); assertGuarded(); });
}

/** A free loopback port (to know URLs before the servers that use them start). */
export async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A real Keystone (scripts/keystone.sh) whose catalog lists an emulator on `emulatorPort` and
 * whose CORS allows that origin. Resolves with the demo cloud's ids and passwords and a stop().
 */
export async function startKeystone({ emulatorPort }) {
  const { execFile } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { mkdtempSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'wlm-keystone-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${emulatorPort}`;
  const script = join(root, 'scripts', 'keystone.sh');
  const run = (args) => new Promise((resolve, reject) => {
    execFile(script, args, { timeout: 300000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
  await run(['start', dir, String(port), origin, `${origin}/v1/%(tenant_id)s`]);
  const stack = JSON.parse(readFileSync(join(dir, 'stack.json'), 'utf8'));
  return {
    ...stack,
    async stop() { await run(['stop', dir]); },
    /** Keystone's REST API, for what the tests do behind the console's back. */
    async call(method, path, { token, subject, body } = {}) {
      const headers = { 'Content-Type': 'application/json' };
      if (token) headers['X-Auth-Token'] = token;
      if (subject) headers['X-Subject-Token'] = subject;
      const r = await fetch(stack.keystone_url + path, { method, headers, body: body && JSON.stringify(body) });
      const text = await r.text();
      return { status: r.status, token: r.headers.get('x-subject-token'), body: text ? JSON.parse(text) : null };
    },
    async passwordToken(user, project) {
      const scope = project ? { project: { name: project, domain: { name: 'Default' } } } : undefined;
      const r = await this.call('POST', '/auth/tokens', { body: { auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { name: 'Default' }, password: stack.users[user].password } } },
        ...(scope ? { scope } : {}),
      } } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.token;
    },
  };
}

/** A real Horizon (scripts/horizon.sh) with the Backups panel, signing in against `keystoneUrl`. */
export async function startHorizon({ keystoneUrl, consoleUrl }) {
  const { execFile } = await import('node:child_process');
  const { tmpdir } = await import('node:os');
  const { mkdtempSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'wlm-horizon-'));
  const port = await freePort();
  const script = join(root, 'scripts', 'horizon.sh');
  const run = (args) => new Promise((resolve, reject) => {
    execFile(script, args, { timeout: 300000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
  await run(['start', dir, String(port), keystoneUrl, consoleUrl]);
  return { url: `http://127.0.0.1:${port}`, async stop() { await run(['stop', dir]); } };
}

/** A page on yet another origin (a plain node server), for what a stranger's page may try. */
export async function startStranger(html) {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const body = html[req.url.split('?')[0]];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html' });
    res.end(body ?? 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => server.close(r)) };
}
