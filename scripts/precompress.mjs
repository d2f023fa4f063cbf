#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), last: each hashed asset compressed once at build, for
// nginx's gzip_static and brotli_static (deploy/nginx): smaller than nginx's on-the-fly
// compression, and no compression work per request. Not index.html or config.json, which
// operators may edit after the build.
//
// A release build writes `.gz` with zopfli (Debian's package): the same gzip format every
// browser reads, 4 % smaller than gzip -9 (the start-up wasm 286 to 274 KB), in about 2 s. It
// also writes `.br` at brotli's quality 11, which browsers ask for first: the start-up wasm is
// 50 KB less again. Debug builds, and a machine without zopfli, take gzip -9 and no brotli.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as trunk post_build hook');
const release = (process.env.TRUNK_PROFILE || 'debug') === 'release';
let zopfli = release;
if (zopfli) {
  try {
    execFileSync('zopfli', ['-h'], { stdio: 'ignore' });
  } catch {
    console.warn('precompress: zopfli is not installed (./scripts/install.sh installs it): gzip -9 instead');
    zopfli = false;
  }
}

for (const file of readdirSync(staging).filter((f) => /\.(wasm|js|css)$/.test(f))) {
  const path = join(staging, file);
  const bytes = readFileSync(path);
  if (zopfli) execFileSync('zopfli', [path]);
  else writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  if (release) {
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
  }
}
