// The wasm-split loader (`__wasm_split.js`, written by wasm-split-cli 0.2.4), changed so that a
// deep link's chunks leave while the start-up module is still on its way (README, Performance).
//
// The loader as written fetches a chunk and compiles it in one step, `instantiateStreaming`,
// which needs the start-up module's memory and table as imports, so nothing can start before
// the console's `main` runs. Here a chunk is compiled as it arrives (`compileStreaming`, once
// per file, a failure forgotten so that the next load fetches it again) and instantiated once
// its imports exist. Then, when the loader is evaluated (with the glue, before the start-up
// wasm is instantiated), it starts the modules of the area the HTML named: early-reads.js sets
// `wlmEarlyArea` to the split point's name for a signed-in deep link.

// One module's load as wasm-split-cli writes it for the web target (wasm_split_cli_support 0.2.4,
// src/js.rs): a shared chunk (`__chunk_N`) or an area's split point, its fetcher, and the chunks
// it waits for. A debug build wraps the instantiation in `debugWrap` (a clearer message for a
// LinkError).
const LOAD = /^(const __chunk_\d+|export const __wasm_split_load_(\w+)) = (wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\(("\.\/[\w.-]+\.wasm"), import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => (debugWrap)?\(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*,\s*\[([\w, ]*)\]\)/gm;

const COMPILED = `
// Each module compiled once as it arrives, whoever asks first (scripts/lib/early-chunks.mjs).
const compiling = new Map();
function compile(path) {
    let module = compiling.get(path);
    if (module === undefined) {
        module = WebAssembly.compileStreaming(fetch(new URL(path, import.meta.url)));
        compiling.set(path, module);
        module.catch(() => { if (compiling.get(path) === module) compiling.delete(path); });
    }
    return module;
}
function compiled(path, wrap = (instantiating) => instantiating) {
    return () => {
        const module = compile(path);
        return async (imports) => wrap(module.then((m) => WebAssembly.instantiate(m, imports)));
    };
}
`;

/**
 * `loader` with its modules compiled as they arrive and the HTML's area started at once.
 * Throws when the loader is not as wasm-split-cli 0.2.4 writes it, so that a new version cannot
 * silently lose this.
 */
export function withEarlyChunks(loader, modules) {
  const chunks = {};
  const areas = {};
  let out = loader.replace(LOAD, (_, binding, area, wrapAsync, path, wrap, deps) => {
    const names = deps.split(',').map((d) => d.trim()).filter(Boolean);
    if (area) areas[area] = [JSON.parse(path), ...names.map((d) => chunks[d])];
    else chunks[binding.slice('const '.length)] = JSON.parse(path);
    return `${binding} = ${wrapAsync ?? ''}makeLoad(compiled(${path}${wrap ? `, ${wrap}` : ''}), [${deps}])`;
  });
  const files = Object.values(areas).flat();
  if (Object.keys(chunks).length + Object.keys(areas).length !== modules || !Object.keys(areas).length
    || files.some((f) => !f) || new Set(files).size !== modules || !out.includes('\nlet sharedImports')) {
    throw new Error(`the wasm-split loader changed: ${JSON.stringify({ chunks, areas })} of ${modules} modules recognised`);
  }
  out = out.replace('\nlet sharedImports', `${COMPILED}\nlet sharedImports`);
  return `${out}
// The modules of each area, and those of the one the HTML named started now (early-reads.js).
const AREA_MODULES = ${JSON.stringify(areas)};
if (Object.hasOwn(AREA_MODULES, globalThis.wlmEarlyArea ?? '')) {
    for (const path of AREA_MODULES[globalThis.wlmEarlyArea]) compile(path).catch(() => {});
}
`;
}

/** Each area's modules (file names) as a loader written by `withEarlyChunks` lists them. */
export function areaModules(loader) {
  const table = /^const AREA_MODULES = (\{.*\});$/m.exec(loader);
  if (!table) return new Map();
  return new Map(Object.entries(JSON.parse(table[1])).map(([area, paths]) => [area, paths.map((p) => p.replace(/^\.\//, ''))]));
}
