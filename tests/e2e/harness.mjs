// Shared set-up for the end-to-end tests: a fresh emulator per test file (serving the release
// build), Debian's Chromium through playwright-core, screenshots and axe-core checks.
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
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

/** Starts the emulator on a free port, serving `dist`; resolves once it listens. */
export async function startEmulator(extra = [], { dist = DIST, port = 0 } = {}) {
  const bin = join(root, 'target', 'debug', 'wlm-emulator');
  const args = ['--port', String(port), '--static', dist, '--snapshot-seconds', '6',
    '--create-delay-ms', '1500', '--tick-ms', '200', ...extra];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/[^/\s]+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`emulator exited ${code}: ${out}`)));
  });
  return {
    url,
    async stop() { child.kill('SIGTERM'); },
    /** Every API request the emulator received after `since` (its sequence number). */
    async requests(since = 0) {
      const r = await fetch(`${url}/_emulator/requests?since=${since}`);
      return (await r.json()).requests;
    },
    async lastSeq() {
      const all = await this.requests(0);
      return all.length ? all[all.length - 1].seq : 0;
    },
    /** Makes the next matching API request fail with this answer. */
    async failNext(fault) {
      const r = await fetch(`${url}/_emulator/fail_next`, { method: 'POST', body: JSON.stringify(fault) });
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

/** A fresh page; page errors and dialogs (alert from injected HTML) are collected. */
export async function newPage(browser, viewport = { width: 1366, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.dialogs = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('dialog', async (d) => { page.dialogs.push(d.message()); await d.dismiss(); });
  return page;
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
 * One emulator and one browser for a test file, stopped after it. With `signInAs`, also a
 * page signed in with those options and showing `ready`. `use` receives them once started.
 */
export function useSuite({ signInAs, ready } = {}, use = () => {}) {
  let emu;
  let browser;
  before(async () => {
    emu = await startEmulator();
    browser = await launchBrowser();
    let page;
    if (signInAs) {
      page = await newPage(browser);
      await signIn(page, emu.url, signInAs);
      await page.locator(ready).first().waitFor();
    }
    use({ emu, browser, page });
  });
  after(async () => { await browser?.close(); await emu?.stop(); });
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
