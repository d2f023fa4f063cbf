// What a browser fetches to show a page of the built console, read off the build itself:
// index.html's assets, the wasm-bindgen glue's static imports, and, for a page of a split-off
// area, that area's chunk with every chunk it waits for (scripts/lib/early-chunks.mjs writes
// them into the loader, `__wasm_split-<hash>.js`, as AREA_MODULES). Used by
// scripts/first-load-size.mjs and the benchmark, so both count the same bytes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { areaModules } from './early-chunks.mjs';

/** The local files index.html pulls in, and the ones its module script imports. */
function startupFiles(dist) {
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const [, f] of index.matchAll(/(?:href|src)="\/([^"/?#]+\.(?:css|js|json))"/g)) files.add(f);
  for (const [, f] of index.matchAll(/['"]\/([^'"/?#]+\.(?:js|wasm))['"]/g)) files.add(f);
  for (const f of [...files].filter((f) => f.endsWith('.js'))) {
    const js = readFileSync(join(dist, f), 'utf8');
    for (const [, dep] of js.matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)) files.add(dep);
  }
  return [...files].filter((f) => existsSync(join(dist, f)));
}

/** Each split-off area and the files its first page adds, from the chunk loader's own table. */
function areaFiles(dist, startup) {
  const loaderName = startup.find((f) => f.startsWith('__wasm_split-'));
  if (!loaderName) return new Map();
  return areaModules(readFileSync(join(dist, loaderName), 'utf8'));
}

const sizeOf = (dist, f) => {
  const raw = readFileSync(join(dist, f));
  // The build's own compressed file where there is one, as nginx serves it.
  const served = (suffix, compress) => {
    const own = join(dist, `${f}.${suffix}`);
    return existsSync(own) ? readFileSync(own).length : compress(raw).length;
  };
  const gzip = served('gz', (b) => gzipSync(b, { level: 9 }));
  const brotli = served('br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  return { file: f, raw: raw.length, gzip, brotli };
};

/** The sum of `key` (`raw`, `gzip` or `brotli`) over `files`. */
export const total = (files, key) => files.reduce((n, f) => n + f[key], 0);

/**
 * `{ startup, areas }`: the start-up files (the sign-in page needs nothing more), and per area
 * the files its first page adds, each `{ file, raw, gzip, brotli }` (as served: the build's own
 * `.gz` and `.br` where there are).
 */
export function firstLoad(dist) {
  const startupNames = startupFiles(dist);
  const startup = startupNames.map((f) => sizeOf(dist, f));
  const areas = new Map();
  for (const [area, files] of areaFiles(dist, startupNames)) areas.set(area, files.map((f) => sizeOf(dist, f)));
  return { startup, areas };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Prints the start-up files and each area's additions, raw, gzip and brotli. */
export function printFirstLoad({ startup, areas }) {
  const line = (name, f) => console.log(`  ${name.padEnd(48)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);
  console.log(`  ${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const f of startup) line(f.file, f);
  const sum = (files) => ({ raw: total(files, 'raw'), gzip: total(files, 'gzip'), brotli: total(files, 'brotli') });
  line('= start-up (the sign-in page)', sum(startup));
  for (const [area, files] of areas) {
    for (const f of files) line(`  + ${f.file}`, f);
    line(`= first page of ${area} (start-up and the above)`, sum([...startup, ...files]));
  }
}
