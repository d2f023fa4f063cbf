// Short names for the browser functions the start-up wasm imports from its wasm-bindgen glue.
//
// wasm-bindgen names each import after the function and a 16-digit hash
// (`__wbg_createElement_de4a31ed2fb252be`) under the glue's file name as module, and the main
// module imports every browser function any chunk calls: about 230 names, written once in the
// wasm and once in the glue, whose hashes gzip cannot shrink. Renamed to `a`, `b`, … `a0` in
// both, with the module called `g`, they cost 5 KB less of the first load. Used by
// scripts/split-wasm.mjs on wasm-bindgen's output, before wasm-opt and minification.

/** Reads an unsigned LEB128 at `at`: `[value, next offset]`. */
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

function encodeUleb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
}

const encodeName = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([encodeUleb(bytes.length), bytes]);
};

/** The bytes of an import's description (kind and type), from `at`: the next offset. */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = uleb(bytes, p);
    if (flags & 1) [, p] = uleb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return uleb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return uleb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

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
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('short-imports: not a wasm module');
  const renamed = new Map();
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = uleb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = uleb(wasm, start);
    const readName = () => {
      const [n, from] = uleb(wasm, p);
      p = from + n;
      return wasm.toString('utf8', from, p);
    };
    const entries = [encodeUleb(count)];
    while (count--) {
      let module = readName();
      let field = readName();
      const descEnd = skipImportDesc(wasm, p);
      if (module === glueModule) {
        if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
        module = 'g';
        field = renamed.get(field);
      }
      entries.push(encodeName(module), encodeName(field), wasm.subarray(p, descEnd));
      p = descEnd;
    }
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2]), encodeUleb(body.length), body);
    at = end;
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
