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
export async function startEmulator(extra = [], { dist = DIST } = {}) {
  const bin = join(root, 'target', 'debug', 'wlm-emulator');
  const args = ['--port', '0', '--static', dist, '--snapshot-seconds', '6',
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
