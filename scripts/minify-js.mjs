#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), after split-wasm.mjs and bundle-css.mjs, release builds
// only: the wasm-bindgen glue and the scripts inlined in index.html (trunk's loader, the early
// reads) minified (scripts/lib/esbuild.mjs), their comments and long names gone: 3 KB of the
// first load's gzip, all of it on the way to the start-up wasm. The chunk loader
// (`__wasm_split-<hash>.js`) stays as written: scripts/lib/first-load.mjs reads its chunk table.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from './lib/esbuild.mjs';
import { withIntegrity } from './lib/sri.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as trunk post_build hook');
if ((process.env.TRUNK_PROFILE || 'debug') !== 'release') process.exit(0);

const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');

// The glue is an ES module; its exports keep their names.
const glue = readdirSync(staging).find((f) => /^wlm-console-[0-9a-f]{1,16}\.js$/.test(f));
const glueMinified = glue && minify(readFileSync(join(staging, glue), 'utf8'), 'esm');
if (glueMinified) {
  const bytes = Buffer.from(`${glueMinified}\n`);
  writeFileSync(join(staging, glue), bytes);
  index = withIntegrity(index, glue, bytes);
}

// Inline scripts: nginx.sh allows each by the hash of what is served, so they may change here.
index = index.replace(/<script( type="module")?>([\s\S]*?)<\/script>/g, (whole, module, body) => {
  const minified = body.trim() && minify(body, module ? 'esm' : 'js');
  return minified ? `<script${module ?? ''}>${minified}</script>` : whole;
});
// The HTML comments in front of them were for the source, not the browser.
index = index.replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '');
writeFileSync(indexPath, index);
