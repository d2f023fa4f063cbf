// The benchmark's yardstick: what a careful hand-written page does with the same list. It
// reads the endpoint from /config.json, fetches `GET /snapshots?all=true` with the session's
// token, sorts newest first, draws 100 rows and filters them as the user types.
const SHOWN = 100;
const session = JSON.parse(sessionStorage.getItem('wlm-bench.baseline') || '{}');
const config = await (await fetch('/config.json')).json();
const base = config.endpoint.replace('{project_id}', session.project);
const reply = await fetch(`${base}/snapshots?all=true`, {
  headers: { 'X-Auth-Token': session.token, 'X-Auth-Project-Id': session.project, Accept: 'application/json' },
});
const all = (await reply.json()).snapshots;
all.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
const haystacks = all.map((s) => `${s.name ?? ''} ${s.description ?? ''} ${s.id}`.toLowerCase());
const tbody = document.getElementById('rows');
const count = document.getElementById('count');

function cell(tr, text) {
  const td = document.createElement('td');
  td.textContent = text ?? '—';
  tr.appendChild(td);
}

function draw(needle) {
  const words = needle.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = [];
  for (let i = 0; i < all.length; i++) {
    if (words.every((w) => haystacks[i].includes(w))) matching.push(all[i]);
  }
  const fragment = document.createDocumentFragment();
  for (const s of matching.slice(0, SHOWN)) {
    const tr = document.createElement('tr');
    tr.dataset.snapshotId = s.id;
    cell(tr, s.name || s.id);
    cell(tr, s.status);
    cell(tr, s.progress_percent == null ? '—' : `${s.progress_percent} %`);
    cell(tr, s.snapshot_type);
    cell(tr, s.workload_id);
    cell(tr, s.host);
    cell(tr, s.created_at);
    fragment.appendChild(tr);
  }
  tbody.replaceChildren(fragment);
  count.textContent = `Showing ${Math.min(SHOWN, matching.length)} of ${matching.length} snapshots`;
}

draw('');
document.getElementById('search').addEventListener('input', (e) => draw(e.target.value));
