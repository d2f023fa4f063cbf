// A page's opening reads, sent from the HTML before the console's code arrives (README,
// Performance). The console's route takes each answer for exactly its address and token, once
// (src/api/transport.rs); a wrong guess here is left unread, and the end-to-end test "opening
// any page by its address reads what it shows" fails. Route paths: src/routes/mod.rs.
(() => {
  'use strict';
  // As src/api/early.rs: an answer older than this is not taken, and the console asks afresh.
  const FRESH_MS = 30000;
  // As endpoint_for in src/api/mod.rs.
  const PLACEHOLDERS = ['{project_id}', '{tenant_id}', '%(tenant_id)s', '%(project_id)s',
    '$(tenant_id)s', '$(project_id)s', '$(tenant_id)'];
  // As encode_segment in src/api/mod.rs: only RFC 3986's unreserved characters pass.
  const segment = (text) => encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

  // SnapshotFilter::query (src/models/snapshot.rs) of the page's own query, where the router
  // reads a name given twice by its last value.
  function snapshotQuery(params) {
    const last = (name) => params.getAll(name).at(-1) ?? '';
    const query = [];
    for (const name of ['workload_id', 'host', 'date_from', 'date_to']) {
      const value = last(name).trim();
      if (value) query.push([name, value]);
    }
    if (['true', '1', 'True'].includes(last('all'))) query.push(['all', 'true']);
    return query;
  }

  // What the page at `path` reads first: [API path, query] each.
  function readsOf(path, params) {
    switch (path) {
      case '/':
      case '/overview':
        return [['/backup_targets/detail'], ['/snapshots'], ['/workloads']];
      case '/backup-targets':
        return [['/backup_targets/detail'], ['/backup_target_types/detail']];
      case '/target-types':
        return [['/backup_target_types/detail'], ['/backup_targets/detail']];
      case '/type-access':
        return [['/backup_target_types/detail']];
      case '/snapshots':
        return [['/snapshots', snapshotQuery(params)], ['/workloads']];
    }
    const detail = /^\/snapshots\/([^/]+)$/.exec(path);
    if (detail && detail[1] !== 'new') {
      return [['/snapshots/' + segment(decodeURIComponent(detail[1]))], ['/workloads']];
    }
    return [];
  }

  // The area whose code the page at `path` needs, named as its split point (Area::of_path in
  // src/routes/lazy.rs, the paths of PAGES in src/routes/mod.rs): the chunk loader
  // (scripts/lib/early-chunks.mjs) starts fetching it before the start-up wasm runs.
  function areaOf(path) {
    const p = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    if (/^\/(overview)?$/.test(p)) return 'overview';
    if (/^\/backup-targets(\/[^/]+)?$/.test(p)) return 'backup_targets';
    if (/^\/target-types(\/[^/]+(\/edit)?)?$/.test(p) || p === '/type-access') return 'target_types';
    if (/^\/snapshots(\/[^/]+)?$/.test(p)) return 'snapshots';
    return undefined;
  }

  // Whether the stored session is certainly still valid (the console drops an expired one).
  function fresh(session) {
    if (session.expires_at == null) return true;
    const at = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z?$/.exec(String(session.expires_at));
    const offset = Number(session.clock_offset_ms) || 0;
    return Boolean(at) && Date.parse(at[1] + 'Z') + offset > Date.now() + 5000;
  }

  try {
    // Embedded, the portal hands the session over; a stored one may be another's.
    if (window.parent !== window) return;
    const session = JSON.parse(sessionStorage.getItem('wlm-console.session') || 'null');
    const { endpoint, project_id: project, token } = session || {};
    if (![endpoint, project, token].every((v) => typeof v === 'string' && v) || !fresh(session)) return;
    let base = endpoint.trim();
    for (const p of PLACEHOLDERS) base = base.split(p).join(segment(project));
    base = base.replace(/\/+$/, '');
    window.wlmEarlyArea = areaOf(location.pathname);

    const sent = new Map();
    for (const [path, query = []] of readsOf(location.pathname, new URLSearchParams(location.search))) {
      // As gloo-net builds it: the query through URLSearchParams, no '?' without one.
      const url = new URL(base + path, location.href);
      url.search = new URLSearchParams(query).toString();
      const abort = new AbortController();
      const headers = { Accept: 'application/json', 'X-Auth-Token': token, 'X-Auth-Project-Id': project };
      const answer = fetch(url.href, { headers, signal: abort.signal });
      answer.catch(() => {}); // a failure is the taker's to report, and unread is no failure
      sent.set(url.href, { answer, abort, at: performance.now() });
    }
    if (!sent.size) return;
    setTimeout(() => sent.clear(), FRESH_MS);
    // The console's one way in (src/api/transport.rs): the answer for `url`, asked with `withToken`.
    // `signal` aborting (the console's timeout) aborts the request.
    window.wlmEarlyReads = {
      take(url, withToken, signal) {
        const read = sent.get(url);
        if (!read || withToken !== token || performance.now() - read.at >= FRESH_MS) return undefined;
        sent.delete(url);
        if (signal) signal.addEventListener('abort', () => read.abort.abort(), { once: true });
        return read.answer;
      },
    };
  } catch {
    // Unreadable storage, an odd address: the console sends its reads itself.
  }
})();
