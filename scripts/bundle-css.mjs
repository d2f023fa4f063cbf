#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml), after split-wasm.mjs: the stylesheets (one per area in
// style/, each its own file in trunk's output) become one file, in their order in index.html.
//
// Why: over HTTP/1.1 a browser opens at most 6 connections to a host. Eleven stylesheets ahead
// of the start-up wasm kept it waiting for a free connection (about 50 ms on loopback, a round
// trip or two over a real link) before a byte of it came. One stylesheet leaves the start-up
// at five requests, all sent at once.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from './lib/esbuild.mjs';
import { sri } from './lib/sri.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as trunk post_build hook');
const indexPath = join(staging, 'index.html');
let index = readFileSync(indexPath, 'utf8');

const link = /<link rel="stylesheet" href="\/([A-Za-z0-9_.-]+\.css)"[^>]*>\n?\s*/g;
const files = [...index.matchAll(link)].map((m) => m[1]);
const written = readdirSync(staging).filter((f) => f.endsWith('.css'));
if (files.length < written.length) {
  // Trunk wrote its links in a form this does not read: serve them as they are, and say so.
  console.warn(`bundle-css: ${written.length} stylesheets but ${files.length} links read in index.html; left as they are`);
} else if (files.length > 1) {
  const css = files.map((f) => `/* ${f.replace(/-[0-9a-f]{1,16}\.css$/, '.css')} */\n${readFileSync(join(staging, f), 'utf8')}`).join('\n');
  // A release build's stylesheet is minified: 0.7 KB less of the first load.
  const minified = (process.env.TRUNK_PROFILE || 'debug') === 'release' ? minify(css, 'css') : null;
  const bytes = Buffer.from(minified ? `${minified}\n` : css);
  const name = `console-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.css`;
  writeFileSync(join(staging, name), bytes);
  for (const f of files) rmSync(join(staging, f));
  const integrity = sri(bytes);
  let first = true;
  index = index.replace(link, () => {
    if (!first) return '';
    first = false;
    return `<link rel="stylesheet" href="/${name}" integrity="${integrity}"/>\n    `;
  });
  writeFileSync(indexPath, index);
}
