// Issue 11: with more than 50 snapshots moving, a polling round is one list request, not one
// request per snapshot; the rows still follow the server to the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSuite, newPage, signIn, eventually, PROJECT, ADMIN, WORKLOAD_1 } from './harness.mjs';

const MOVING = 60;
let emu;
let browser;
useSuite({ args: ['--snapshot-seconds', '12'] }, (s) => ({ emu, browser } = s));

test(`${MOVING} moving snapshots are polled with one list request per round, and all reach available`, async () => {
  const taken = await Promise.all(Array.from({ length: MOVING }, (_, i) =>
    emu.api('POST', `/workloads/${WORKLOAD_1}`, ADMIN, { snapshot: { name: `e2e-many-${i}`, is_scheduled: false } })));
  const ids = taken.map((r) => r.body.snapshot.id);
  const since = await emu.lastSeq();
  const page = await newPage(browser);
  await signIn(page, emu.url, { token: ADMIN, path: '/snapshots' });
  const table = page.getByRole('table', { name: 'Snapshots', exact: true });
  await table.locator('tbody tr').first().waitFor();
  const lists = async () => (await emu.requests(since)).filter((r) => r.method === 'GET' && r.path === `/v1/${PROJECT}/snapshots`);
  await eventually(async () => (await lists()).length >= 3, { what: 'two polling rounds after the first list', timeout: 20000 });
  const perSnapshot = (await emu.requests(since)).filter((r) => r.method === 'GET' && /\/snapshots\/[^/]+$/.test(r.path));
  assert.equal(perSnapshot.length, 0, `no request per snapshot: ${perSnapshot.map((r) => r.path).slice(0, 3)}`);
  // Every one of them on the first page follows the server to the end.
  await eventually(async () => {
    const statuses = await table.locator('tbody tr[data-snapshot-id]').evaluateAll((rows, wanted) =>
      rows.filter((r) => wanted.includes(r.dataset.snapshotId)).map((r) => r.dataset.status), ids);
    return statuses.length >= 20 && statuses.every((s) => s === 'available');
  }, { what: 'the rows to follow the server to available', timeout: 40000 });
});
