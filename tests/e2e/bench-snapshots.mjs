// Benchmark (not a test): how the snapshot list behaves with thousands of snapshots.
// Prints figures; run after `./scripts/test.sh` (or a release build and the emulator build):
//   node tests/e2e/bench-snapshots.mjs [count]
import { startEmulator, launchBrowser, newPage, signIn, PROJECT, ADMIN } from './harness.mjs';

const count = Number(process.argv[2] || 5000);
const emu = await startEmulator(['--extra-snapshots', String(count)]);
const browser = await launchBrowser();
const page = await newPage(browser);
const ms = (t0) => `${(performance.now() - t0).toFixed(0)} ms`;
try {
  const total = (await emu.api('GET', '/snapshots', ADMIN, undefined, PROJECT)).body.snapshots.length;
  await signIn(page, emu.url);
  await page.locator('table[aria-label="Backup targets"]').waitFor();
  let t0 = performance.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshots' }).click();
  await page.getByText(`of ${total} snapshots`).waitFor({ timeout: 60000 });
  console.log(`snapshots in the project:          ${total}`);
  console.log(`list shown (fetch + decode + draw): ${ms(t0)}`);
  const rows = await page.locator('table[aria-label="Snapshots"] tbody tr').count();
  console.log(`rows drawn at first:               ${rows}`);
  t0 = performance.now();
  await page.getByLabel('Search name, description, ID').fill('bulk-00421');
  await page.getByText(/Showing 1 of 1 snapshots/).waitFor();
  console.log(`search over all rows:              ${ms(t0)}`);
  await page.getByLabel('Search name, description, ID').fill('');
  await page.getByText(`of ${total} snapshots`).waitFor();
  t0 = performance.now();
  await page.getByRole('button', { name: 'Name' }).click();
  await page.locator('th[aria-sort=ascending]').waitFor();
  console.log(`sort all rows by name:             ${ms(t0)}`);
  t0 = performance.now();
  await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
  await page.locator('table[aria-label="Snapshots"] tbody tr').nth(rows * 2 - 1).waitFor();
  console.log(`draw ${rows} more rows:                ${ms(t0)}`);
  const heap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));
  const metrics = await (await page.context().newCDPSession(page)).send('Performance.getMetrics').catch(() => null);
  console.log(`JS heap in use:                    ${(heap / 1048576).toFixed(1)} MiB`);
  if (metrics) {
    const nodes = metrics.metrics.find((m) => m.name === 'Nodes');
    if (nodes) console.log(`DOM nodes:                         ${nodes.value}`);
  }
} finally {
  await browser.close();
  await emu.stop();
}
