#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml): splits the console's wasm at its `wasm_split` points
// (src/routes/lazy.rs) into a main module and one chunk per area, which the browser fetches the
// first time a page of that area opens, then optimises every module for a release build and
// lays out its functions for compression (scripts/lib/order-functions.mjs).
//
// Trunk cannot split (trunk-rs/trunk#1022): it runs wasm-bindgen on the whole module. So this
// hook takes cargo's own output (which keeps its relocations: `--emit-relocs` in
// .cargo/config.toml), splits it with `wasm-split-cli`, runs wasm-bindgen on the main part under
// trunk's file name, and puts the result in place of trunk's, with the `integrity` hashes in
// index.html recomputed. A release build's main module then imports the glue's functions
// under short names (scripts/lib/short-imports.mjs). The loader compiles each chunk as it
// arrives and starts a deep link's area before the main module runs (scripts/lib/early-chunks.mjs).
// Chunks are named by a hash of their content, so nginx serves them as immutable like trunk's
// own assets. A build without split
// points (no `split` feature) only gets the release wasm-opt passes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withEarlyChunks } from './lib/early-chunks.mjs';
import { rankedByLikeness } from './lib/order-functions.mjs';
import { shortenImports } from './lib/short-imports.mjs';
import { sri, withIntegrity } from './lib/sri.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE || 'debug';
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as trunk post_build hook');
const release = profile === 'release';
const targetDir = resolve(process.env.CARGO_TARGET_DIR || 'target');
// Trunk's wasm-opt is off (index.html): this pass runs on each module after the split instead.
const FEATURES = ['--enable-bulk-memory', '--enable-mutable-globals', '--enable-nontrapping-float-to-int',
  '--enable-reference-types', '--enable-sign-ext', '--enable-multivalue'];
// WASM_OPT_NAMES=1 keeps function names, and the compiler's order (for a CPU profile of the
// release build).
const keepNames = Boolean(process.env.WASM_OPT_NAMES);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const hex16 = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const bindgenWasm = readdirSync(staging).find((f) => /^wlm-console-[0-9a-f]{1,16}_bg\.wasm$/.test(f));
if (!bindgenWasm) throw new Error(`no wlm-console-<hash>_bg.wasm in ${staging}: ${readdirSync(staging).join(" ")}`);
const stem = bindgenWasm.replace(/_bg\.wasm$/, '');
const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');

/** Replaces `file`'s `integrity` in index.html with the hash of its new content. */
function reintegrate(file) {
  index = withIntegrity(index, file, readFileSync(join(staging, file)));
}

/** wasm-opt's -Oz, then each function placed after the one most like it (order-functions.mjs). */
function optimise(path) {
  if (!release) return;
  run('wasm-opt', ['-Oz', ...FEATURES, ...(keepNames ? ['-g'] : []), path, '-o', path]);
  if (keepNames) return;
  writeFileSync(path, rankedByLikeness(readFileSync(path)));
  // -Oz's levels without its passes: the module is written as compactly as the first pass wrote it.
  // The producers and target-features sections are for linkers, not browsers.
  run('wasm-opt', [...FEATURES, '--optimize-level', '2', '--shrink-level', '2', '--reorder-functions-by-name',
    '--strip-producers', '--strip-target-features', path, '-o', path]);
}

const cargoWasm = join(targetDir, 'wasm32-unknown-unknown', profile, 'wlm-console.wasm');
const hasSplitPoints = existsSync(cargoWasm) && readFileSync(cargoWasm).includes('__wasm_split_load_');

if (!hasSplitPoints) {
  optimise(join(staging, bindgenWasm));
} else {
  const work = mkdtempSync(join(tmpdir(), 'wlm-split-'));
  try {
    const split = join(work, 'split');
    const bound = join(work, 'bound');
    run('wasm-split-cli', [cargoWasm, split, '--out-name', stem]);
    run('wasm-bindgen', [join(split, `${stem}.wasm`), '--out-dir', bound, '--target', 'web',
      '--no-typescript', '--keep-lld-exports']);
    // The chunks, renamed by content, and the loader that names them.
    let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
    const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
    for (const chunk of chunks) {
      const path = join(split, chunk);
      optimise(path);
      const named = `${chunk.replace(/\.wasm$/, '')}-${hex16(readFileSync(path))}.wasm`;
      copyFileSync(path, join(staging, named));
      loader = loader.replaceAll(`"./${chunk}"`, `"./${named}"`);
    }
    loader = withEarlyChunks(loader, chunks.length);
    const loaderName = `__wasm_split-${hex16(loader)}.js`;
    writeFileSync(join(staging, loaderName), loader);
    // The glue imports the loader: fetched beside it rather than after it.
    index = index.replace('</head>', `<link rel="modulepreload" href="/${loaderName}" crossorigin="anonymous" integrity="${sri(Buffer.from(loader))}"></head>`);
    const main = join(bound, `${stem}_bg.wasm`);
    let glueSource = readFileSync(join(bound, `${stem}.js`), 'utf8');
    if (release) {
      const short = shortenImports(readFileSync(main), glueSource, `./${stem}_bg.js`);
      writeFileSync(main, short.wasm);
      glueSource = short.glue;
    }
    const glue = glueSource
      // Only the JS import moves: the wasm still imports from the module named "./__wasm_split.js".
      .replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
    writeFileSync(join(staging, `${stem}.js`), glue);
    optimise(main);
    copyFileSync(main, join(staging, bindgenWasm));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  reintegrate(`${stem}.js`);
}
reintegrate(bindgenWasm);
writeFileSync(indexPath, index);
