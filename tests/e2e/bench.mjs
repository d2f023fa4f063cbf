// Benchmark (not a test): the console against a hand-written page (tests/bench/baseline.*) doing
// the same job, on the same machine, in alternating runs. Prints medians (min, max) and ratios.
// `./scripts/bench.sh` builds the release and runs it; BENCH_COUNTS and BENCH_RUNS narrow it.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { startEmulator, launchBrowser, storeSession, DIST, PROJECT, ADMIN } from './harness.mjs';
import { firstLoad, printFirstLoad } from '../../scripts/lib/first-load.mjs';

const COUNTS = (process.env.BENCH_COUNTS || '100,10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const SEARCH = 'bulk-0042';
// A link like an admin's to a cloud in another building: round trip and bandwidth, emulated.
const LINK = { latency: Number(process.env.BENCH_RTT_MS || 40), downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 };
// A server as slow to list as a real one with a database behind it: each snapshot GET answers
// this much later (the emulator's fault injection, delay only).
const SLOW_LIST_MS = Number(process.env.BENCH_SLOW_LIST_MS || 500);
const SLOW_LIST = ['--fault', JSON.stringify({ path_contains: '/snapshots', method: 'GET', delay_ms: SLOW_LIST_MS, times: 1e9 })];

// The release build plus the baseline, served together by nginx as deployed.
const dist = mkdtempSync(join(tmpdir(), 'wlm-bench-'));
cpSync(DIST, dist, { recursive: true });
cpSync(join(DIST, '..', 'tests', 'bench'), join(dist, 'bench'), { recursive: true });

/** In every page, before its scripts: first row, long tasks, the wasm memory. */
function instrument() {
  window.__bench = { firstRow: null, longtasks: [], memory: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const seen = new MutationObserver(() => {
    if (!window.__bench.firstRow && document.querySelector('tbody tr[data-snapshot-id]')) {
      window.__bench.firstRow = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__bench.memory = e.detail?.wasm?.memory ?? null;
    window.__bench.started = performance.now();
  });
}

/** Types `value` into the search field; milliseconds until the frame after it. */
async function keystroke(input, value) {
  const t0 = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}

/** Clicks, then waits until `selector` (if any) matches and a frame has passed; milliseconds. */
async function clickUntil(button, selector) {
  const t0 = performance.now();
  button.click();
  for (let i = 0; i < 600 && selector && !document.querySelector(selector); i++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}

/** Milliseconds to the first rows of one load only, from `origin`, over `link` if given. */
async function firstRowsOnce(browser, which, { origin = emu.url, link } = {}) {
  const { context, page } = await open(browser, which);
  if (link) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...link });
  }
  const firstRow = await loadToFirstRow(page, which, origin);
  await context.close();
  return firstRow;
}

/** Opens the page and waits for its first row; when that row appeared, in page time. */
async function loadToFirstRow(page, which, origin = emu.url) {
  await page.goto(origin + PATHS[which], { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.firstRow, null, { timeout: 120000, polling: 50 });
  return page.evaluate(() => window.__bench.firstRow);
}

const PATHS = { console: '/snapshots?all=true', baseline: '/bench/baseline.html' };

async function open(browser, which) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  if (which === 'console') await storeSession(context);
  else await storeSession(context, { project: PROJECT, token: ADMIN }, 'wlm-bench.baseline');
  await context.addInitScript(instrument);
  const page = await context.newPage();
  return { context, page };
}

async function run(browser, which) {
  const { context, page } = await open(browser, which);
  const cdp = await context.newCDPSession(page);
  await loadToFirstRow(page, which);
  await page.getByText(/Showing \d+ of \d+ snapshots/).waitFor({ timeout: 120000 });
  await page.waitForTimeout(1000); // long tasks of the load are over and reported
  const r = await page.evaluate(() => {
    const list = performance.getEntriesByType('resource').find((e) => /\/snapshots\?/.test(e.name));
    const after = list ? list.responseStart : 0;
    const tasks = window.__bench.longtasks.filter(([start, d]) => start + d > after);
    // The task that instantiated the wasm and mounted the app: when the answer comes before the
    // code has started (the HTML sends the reads), it falls after the response too.
    const started = window.__bench.started;
    const isStartup = ([start, d]) => started != null && start <= started && started <= start + d + 1;
    const decode = performance.getEntriesByName('decode snapshots').map((e) => e.duration);
    const longest = (ts) => Math.max(0, ...ts.map(([, d]) => d));
    return { firstRow: window.__bench.firstRow, longest: longest(tasks),
      longestNotStartup: longest(tasks.filter((t) => !isStartup(t))),
      startup: window.__bench.longtasks.filter(isStartup).map(([, d]) => d)[0] ?? 0,
      decode: decode.length ? Math.max(...decode) : null };
  });
  const search = page.getByLabel('Search name, description, ID');
  r.keys = [];
  for (let i = 1; i <= SEARCH.length; i++) r.keys.push(await search.evaluate(keystroke, SEARCH.slice(0, i)));
  for (let i = SEARCH.length - 1; i >= 0; i--) r.keys.push(await search.evaluate(keystroke, SEARCH.slice(0, i)));
  if (which === 'console') {
    const name = page.locator('th').filter({ hasText: 'Name' }).getByRole('button');
    r.sort = await name.evaluate(clickUntil, 'th[aria-sort=ascending]');
    const next = page.getByRole('button', { name: 'Last page' });
    if (await next.isVisible()) {
      r.page = await next.evaluate(clickUntil, null);
    }
    r.longestAll = await page.evaluate(() => Math.max(0, ...window.__bench.longtasks.map(([, d]) => d)));
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = await page.evaluate(() => window.__bench.memory?.buffer.byteLength ?? 0);
  r.memory = (heap + wasm) / 1048576;
  await context.close();
  return r;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const fmt = (xs, unit = 'ms') => {
  const v = xs.filter((x) => x != null);
  if (!v.length) return '—';
  return `${median(v).toFixed(0)} ${unit} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;
};

function sizes() {
  console.log('\nFirst load (as served; the start-up is the sign-in page, each area adds its chunks):');
  printFirstLoad(firstLoad(DIST));
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${RUNS} runs each, alternating`);
sizes();
let emu;
let slow;
const browser = await launchBrowser();
try {
  for (const count of COUNTS) {
    emu = await startEmulator(['--extra-snapshots', String(count), '--tick-ms', '1000'], { dist });
    slow = await startEmulator(['--extra-snapshots', String(count), '--tick-ms', '1000', ...SLOW_LIST], { dist });
    const total = (await emu.api('GET', '/snapshots?all=true')).body.snapshots.length;
    const results = { console: [], baseline: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const which of i % 2 ? ['baseline', 'console'] : ['console', 'baseline']) {
        const r = await run(browser, which);
        r.overLink = await firstRowsOnce(browser, which, { link: LINK });
        r.slowServer = await firstRowsOnce(browser, which, { origin: slow.url });
        results[which].push(r);
      }
    }
    await emu.stop();
    await slow.stop();
    const pick = (which, f) => results[which].map(f);
    const ratio = (f) => (median(pick('console', f)) / median(pick('baseline', f))).toFixed(2);
    console.log(`\n${total} snapshots (all projects)             console                 baseline          ratio`);
    const line = (what, f, unit) => console.log(`  ${what.padEnd(34)} ${fmt(pick('console', f), unit).padEnd(22)} ${fmt(pick('baseline', f), unit).padEnd(18)} ${ratio(f)}`);
    line('first rows painted', (r) => r.firstRow);
    line(`first rows, ${LINK.latency} ms RTT, 20 Mbit/s`, (r) => r.overLink);
    line(`first rows, server lists in +${SLOW_LIST_MS} ms`, (r) => r.slowServer);
    line('keystroke to next frame, median', (r) => median(r.keys));
    line('keystroke to next frame, worst', (r) => Math.max(...r.keys));
    line('longest task after the response', (r) => r.longest);
    line('  the same, the start-up\'s excepted', (r) => r.longestNotStartup);
    line('JS heap + wasm memory', (r) => r.memory, 'MB');
    console.log(`  ${'console: start-up\'s first task'.padEnd(34)} ${fmt(pick('console', (r) => r.startup))}`);
    console.log(`  ${'console: decode of the list'.padEnd(34)} ${fmt(pick('console', (r) => r.decode))}`);
    console.log(`  ${'console: sort by name'.padEnd(34)} ${fmt(pick('console', (r) => r.sort))}`);
    console.log(`  ${'console: to the last page'.padEnd(34)} ${fmt(pick('console', (r) => r.page))}`);
    console.log(`  ${'console: longest task, whole run'.padEnd(34)} ${fmt(pick('console', (r) => r.longestAll))}`);
  }
} finally {
  await browser.close();
  await emu?.stop().catch(() => {});
  await slow?.stop().catch(() => {});
  rmSync(dist, { recursive: true, force: true });
}
