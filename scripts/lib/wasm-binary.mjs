// The few pieces of the wasm binary format the post-build steps read and write
// (scripts/lib/short-imports.mjs, scripts/lib/order-functions.mjs).

/** Reads an unsigned LEB128 at `at`: `[value, next offset]`. */
export function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

export function encodeUleb(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
}

/** `bytes` after their length, as the format writes names and section contents. */
export const withLength = (bytes) => Buffer.concat([encodeUleb(bytes.length), bytes]);

/** A name as the format writes it: its UTF-8 length, then its bytes. */
export const encodeName = (text) => withLength(Buffer.from(text, 'utf8'));

/** The sections of `wasm` in order: `{ id, start, end, content }`, `start` at the id byte. */
export function* sections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('wasm-binary: not a wasm module');
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, body] = uleb(wasm, at + 1);
    const end = body + size;
    yield { id, start: at, end, content: wasm.subarray(body, end) };
    at = end;
  }
}

/** The bytes of an import's description (kind and type), from `at`: `[kind, next offset]`. */
export function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = uleb(bytes, p);
    if (flags & 1) [, p] = uleb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return [kind, uleb(bytes, at)[1]]; // function: type index
    case 1: return [kind, limits(at + 1)]; // table: element type, limits
    case 2: return [kind, limits(at)]; // memory: limits
    case 3: return [kind, at + 2]; // global: value type, mutability
    case 4: return [kind, uleb(bytes, at + 1)[1]]; // tag: attribute, type index
    default: throw new Error(`wasm-binary: unknown import kind ${kind}`);
  }
}
