// Short names for the browser functions the start-up wasm imports from its wasm-bindgen glue.
//
// wasm-bindgen names each import after the function and a 16-digit hash
// (`__wbg_createElement_de4a31ed2fb252be`) under the glue's file name as module, and the main
// module imports every browser function any chunk calls: about 230 names, written once in the
// wasm and once in the glue, whose hashes gzip cannot shrink. Renamed to `a`, `b`, … `a0` in
// both, with the module called `g`, they cost 5 KB less of the first load. Used by
// scripts/split-wasm.mjs on wasm-bindgen's output, before wasm-opt and minification.

import { encodeName, encodeUleb, sections, skipImportDesc, uleb } from './wasm-binary.mjs';

/** `a`, `b`, … `z`, `A` … `Z`, `a0`, …: JS identifiers, none a reserved word. */
function shortName(i) {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rest = `${first}0123456789`;
  let name = first[i % first.length];
  for (let n = Math.floor(i / first.length); n > 0; n = Math.floor((n - 1) / rest.length)) {
    name += rest[(n - 1) % rest.length];
  }
  return name;
}

/**
 * Renames the imports of `wasm` from the glue's module (`glueModule`, e.g.
 * "./wlm-console-0123_bg.js") and the same names in the glue's source: `{ wasm, glue }`.
 * Imports from other modules (the chunk loader) keep their names.
 */
export function shortenImports(wasm, glue, glueModule) {
  const renamed = new Map();
  const parts = [wasm.subarray(0, 8)];
  for (const { id, start, end, content } of sections(wasm)) {
    if (id !== 2) {
      parts.push(wasm.subarray(start, end));
      continue;
    }
    let [count, p] = uleb(content, 0);
    const readName = () => {
      const [n, from] = uleb(content, p);
      p = from + n;
      return content.toString('utf8', from, p);
    };
    const entries = [encodeUleb(count)];
    while (count--) {
      let module = readName();
      let field = readName();
      const [, descEnd] = skipImportDesc(content, p);
      if (module === glueModule) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        module = 'g';
        field = renamed.get(field);
      }
      entries.push(encodeName(module), encodeName(field), content.subarray(p, descEnd));
      p = descEnd;
    }
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2]), encodeUleb(body.length), body);
  }
  let source = glue;
  for (const [long, short] of renamed) {
    // Each is a property of the glue's import object, named nowhere else.
    const uses = source.split(long).length - 1;
    if (uses !== 1) throw new Error(`short-imports: ${long} appears ${uses} times in the glue, not once`);
    source = source.replace(long, short);
  }
  const moduleKey = JSON.stringify(glueModule);
  if (!source.includes(`${moduleKey}:`)) throw new Error(`short-imports: the glue has no ${moduleKey} key`);
  source = source.replace(`${moduleKey}:`, '"g":');
  return { wasm: Buffer.concat(parts), glue: source };
}
