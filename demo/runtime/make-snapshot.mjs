// Build step (Node): start the engine in Pyodide from the staged runtime directory, exactly as
// the browser will (same pyodide files, same site-packages, same environment), warm it up, and
// save Pyodide's memory as `engine.snapshot`. Then restore that snapshot in a second instance and
// check the engine answers, so a broken snapshot fails the build rather than the reader.
//
// usage: node demo/runtime/make-snapshot.mjs <staged runtime dir>
// Reads runtime-config.json there; prints one JSON line: {"file", "size", "check": <answer>}.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import {
  bootEngine, PURGE_SOURCE, PURGED_BEFORE_SNAPSHOT, STDLIB_ON_DEMAND_SOURCE, takeModulePages,
} from "./boot.mjs";

// Node would print the failing line of pyodide.asm.mjs (one minified megabyte) with an uncaught
// error; the message (a Python traceback, if Python failed) is what helps.
function fail(error) {
  process.stderr.write(`snapshot failed: ${error?.stack ?? error}\n`.replace(/^.{2000,}$/gm, "…"));
  process.exit(1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

// The snapshot holds the whole WebAssembly memory; what malloc has freed still holds the bytes
// of what lived there, which compress as badly as live data. Taken after a full collection, with
// every free block of malloc's heap zeroed and nothing above the heap's end: 7.15 MB -> 6.15 MB
// gzip'd (31.5 MB in memory either way). The free blocks are found by asking malloc for them
// (largest first) as long as what it hands out lies below the heap's end; they are zeroed, then
// freed again. No request may be larger than the room between the heap's end and the memory's
// end, so that malloc never grows the memory (the snapshot would no longer fit a fresh instance).
function snapshotZeroed(pyodide) {
  const module = pyodide._module;
  pyodide.runPython("import gc; gc.collect()");
  const end = module._sbrk(0);
  const memory = module.HEAP8.length;
  const held = [];
  for (let size = 2 ** Math.floor(Math.log2(memory - end)); size >= 16; size /= 2) {
    for (;;) {
      const block = module._malloc(size);
      if (!block || block + size > end) {
        if (block) module._free(block);
        break;
      }
      module.HEAPU8.fill(0, block, block + size);
      held.push(block);
    }
  }
  for (const block of held) module._free(block);
  if (module.HEAP8.length !== memory) throw new Error("snapshotZeroed: the memory grew");
  const snapshot = pyodide.makeMemorySnapshot();
  const header = snapshot.length - memory; // Pyodide's header, then the memory
  snapshot.subarray(header + module._sbrk(0)).fill(0);
  return snapshot;
}

const dir = path.resolve(process.argv[2] ?? "");
const config = JSON.parse(readFileSync(path.join(dir, "runtime-config.json"), "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const indexURL = dir + path.sep;
const sitePackages = () => new Uint8Array(gunzipSync(readFileSync(path.join(dir, config.sitePackages.file))));
const stderr = (line) => process.stderr.write(line + "\n");

let initial = null; // the memory as the module had just started (boot.mjs, takeModulePages)
const built = await bootEngine({
  loadPyodide, indexURL, config, sitePackages: sitePackages(), makeSnapshot: true, stderr,
  atFsInit: (heap) => (initial = heap.slice()),
});
// Run the warm-up requests so that what they import and cache is in the snapshot too. They
// must leave the engine's state as it was: they are read-only commands.
for (const request of config.warmup) built.handle(JSON.stringify(request));
// Last, so that nothing imported meanwhile finds the archive complete and removes the finder.
built.pyodide.runPython(STDLIB_ON_DEMAND_SOURCE);
// The members of the standard library's archive this instance has imported: Pyodide's start, the
// engine's imports, the warm-up requests. The build keeps only those in engine_stdlib.zip, which a
// fresh start reads (the priming helper): listed before the purge below, which leaves out of the
// snapshot what a fresh start still imports.
const stdlib = built.pyodide.runPython(`(lambda sys: (lambda zip: sorted({
    m.__file__[len(zip) + 1:] for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(zip + "/")
}))(next(p for p in sys.path if p.endswith(".zip"))))(__import__("sys"))`).toJs();
// Then the modules of Pyodide's start that nothing uses after a restore go (boot.mjs). A name of
// the list that matched no module is an error: the list says what the snapshot leaves out.
built.pyodide.runPython(PURGE_SOURCE);
const unmatched = built.pyodide.runPython(`_egov_purge(${JSON.stringify(PURGED_BEFORE_SNAPSHOT)})`).toJs();
built.pyodide.runPython("del _egov_purge");
if (unmatched.length) {
  throw new Error(`PURGED_BEFORE_SNAPSHOT (boot.mjs) names modules Pyodide no longer imports: ${unmatched.join(", ")}`);
}
const bytes = snapshotZeroed(built.pyodide);
const offset = bytes.length - built.pyodide._module.HEAP8.length;
const fromModule = { offset, ...takeModulePages(initial, bytes.subarray(offset)) };
const file = "engine.snapshot";
writeFileSync(path.join(dir, file), bytes);

const restored = await bootEngine({
  loadPyodide, indexURL, config: { ...config, snapshot: { fromModule } }, sitePackages: sitePackages(),
  snapshot: bytes, snapshotSize: bytes.length, stderr,
});
const check = JSON.parse(restored.handle(JSON.stringify(config.check)));
// Here the real archive is there from the start: the finder must step aside at the first import
// of a standard-library module the snapshot does not hold, and that module must load.
const onDemand = restored.pyodide.runPython(`
import sys
before = "colorsys" not in sys.modules and _egov_stdlib in sys.meta_path
import colorsys
before and _egov_stdlib not in sys.meta_path and colorsys.rgb_to_hsv(1, 0, 0) == (0, 1, 1)
`);
if (onDemand !== true) throw new Error("the standard library finder did not step aside");
process.stdout.write(JSON.stringify({ file, size: bytes.length, fromModule, stdlib, check }) + "\n");
