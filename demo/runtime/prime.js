// A helper worker, started once per runtime version a moment after the engine is ready: it
// starts Python afresh, once, so that Chrome keeps the compiled WebAssembly for the next visit,
// and keeps the snapshot inflated for the next visit too (inflated.mjs says why).
//
// Why: Chrome caches a WebAssembly module's compiled code only once enough of it has been
// optimised (run hot), a couple of seconds after that happens. A plain Pyodide start runs that
// much; the engine's start from a memory snapshot runs far less, and every later visit then
// compiled the 9.6 MB module again (traced with the DevTools protocol: no wasm.SerializeModule
// after a snapshot start, one after a plain start). The optimised code is shared by every
// instance of the module in the page's process, so this worker's start is enough, on its own
// thread: the engine keeps answering meanwhile.
//
// Messages out: "done" (the start is over and the cache has had time to be written).

import config from "./runtime-config.js";
import { loadPyodide } from "./pyodide.mjs";
import { fetchSnapshotPages } from "./boot.mjs";
import { storeInflated } from "./inflated.mjs";

// Chrome writes the cache about 2 s after the optimised code passed its threshold.
const CACHE_WRITE_WAIT_MS = 4000;

const here = new URL("./", import.meta.url).href;
await loadPyodide({
  indexURL: here,
  // The standard library trimmed to what the engine's Python imports (tools/build_runtime.py,
  // engine_stdlib.zip, a quarter of Pyodide's archive on the wire; README.md): enough for a start.
  stdLibURL: new URL(config.engineStdlib.file, here).href,
  lockFileContents: { info: config.lockInfo, packages: {} },
  packageBaseUrl: here,
  env: config.env,
  stdout: () => {},
  stderr: () => {},
  stdin: () => null,
});
const snapshotURL = new URL(config.snapshot.file, here).href;
const inflated = await fetchSnapshotPages(snapshotURL, config.snapshot.size).catch(() => null);
if (inflated) await storeInflated(snapshotURL, inflated);
setTimeout(() => postMessage("done"), CACHE_WRITE_WAIT_MS);
