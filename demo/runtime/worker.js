// The engine's Web Worker: restores Pyodide from the build-time snapshot, fills site-packages
// with the files of the site's wheels, and answers the page's requests with egov_roles.handle.
// Every file comes from this directory of the site: no CDN, no install from the network.
//
// Messages in:  {type: "request", id, request: "<JSON text>"}
// Messages out: {type: "progress", loaded, total}
//               {type: "ready", mode, python, timings, origin}
//               {type: "mark", name, ms} (a step after "ready", ms after the worker's start)
//               {type: "response", id, response: "<JSON text>"}
//               {type: "failed", message}

// No static import: a module's body runs only once all its imports have arrived, and the
// WebAssembly download should not wait for that round trip. The first downloads start below,
// then the worker's own modules are imported.

const started = performance.now();
// The worker's time origin, so the page can place the worker's marks on its own clock.
const origin = performance.timeOrigin;
const here = new URL("./", import.meta.url);
const timings = {};
const mark = (name) => (timings[name] = Math.round(performance.now() - started));

// Pyodide's loader compiles its WebAssembly only once the snapshot has arrived (it awaits the
// snapshot before it creates the module). Compiling it from the start, while the snapshot
// downloads, and handing Pyodide the compiled module takes that wait off the critical path.
const wasmURL = new URL("pyodide.asm.wasm", here).href;
const wasmResponse = fetch(wasmURL);
wasmResponse.catch(() => {}); // awaited below
const compiled = WebAssembly.compileStreaming(wasmResponse);
compiled.catch(() => {}); // awaited below
// Pyodide fetches the file too. A second request for the same URL while the first is in flight
// keeps Chrome from caching the compiled code for the next visit (measured: no code cache, a full
// compile on every reload), so Pyodide's request gets this one's response, whose body the
// compilation above reads; Pyodide's instantiation then takes the compiled module.
//
// Pyodide's loader also fetches the standard library's archive and waits for it before its module
// may start. A start from the snapshot does not read it (boot.mjs, STDLIB_ON_DEMAND_SOURCE): the
// loader gets an empty archive at once, and the real one is fetched only if an import needs it
// (see start()). A fresh start reads it at once: it is fetched then.
const stdlibURL = new URL("python_stdlib.zip", here).href;
let stdlibLater = true;
let wasmTaken = false;
const fetchOriginal = self.fetch;
self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url === wasmURL && !wasmTaken) {
    wasmTaken = true;
    return wasmResponse;
  }
  // The loader asks only once it runs, and it comes from the same modules as EMPTY_ZIP.
  if (url === stdlibURL && stdlibLater) return modules.then(([, , { EMPTY_ZIP }]) => new Response(EMPTY_ZIP));
  return fetchOriginal.call(self, input, init);
};
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (response !== (await wasmResponse)) return instantiateStreaming(response, imports);
  WebAssembly.instantiateStreaming = instantiateStreaming;
  const module = await compiled;
  mark("compiled");
  const instance = await WebAssembly.instantiate(module, imports);
  mark("instantiated");
  return { module, instance };
};

// Pyodide's loader imports its 1.2 MB Emscripten module only once it has read its options; asked
// for now, it downloads and compiles alongside the rest.
const createPyodideModule = import("./pyodide.asm.mjs").then((module) => {
  mark("asm");
  return module.default;
});
createPyodideModule.catch(() => {}); // awaited in bootEngine

// The snapshot's pages are laid out as they arrive by a helper worker (inflate.js), off this
// worker's thread. Its file holds only the memory's pages that are not zeros (a third of it), sent
// brotli'd with Content-Encoding (sizes: README.md, "What each piece costs and buys"). The whole
// memory gzip'd and inflated here instead was 4.80 MB; and sent with Content-Encoding, the whole 31 MB passed through the
// network process, which made the first visit slower (2.12 s against 1.66 s to ready, when the
// snapshot was gzip'd, same run). The helper starts now; it gets the file's name and size once
// the manifest has arrived.
const inflater = new Worker(new URL("inflate.js", import.meta.url), { type: "module" });

const modules = Promise.all([import("./runtime-config.js"), import("./pyodide.mjs"), import("./boot.mjs")]);
modules.catch(() => {}); // awaited in start()

// Progress: the snapshot's and site-packages' bytes as they arrive (as files), the other files when
// complete (uncompressed sizes; Pyodide's loader fetches its own, seen through resource timing).
// At most one message per percent: each one makes the page redraw its progress bar.
let loaded = 0;
let total = 0;
let said = -1;
function advance(bytes) {
  loaded += bytes;
  const percent = Math.floor((100 * Math.min(loaded, total)) / total);
  if (percent === said) return;
  said = percent;
  postMessage({ type: "progress", loaded: Math.min(loaded, total), total });
}
function watchProgress(config) {
  total = config.snapshot.transferSize + config.sitePackages.transferSize + config.coreSize;
  if (typeof PerformanceObserver !== "function") return;
  const sizes = new Map(config.coreFiles.map((f) => [new URL(f.file, here).href, f.size]));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (sizes.has(entry.name)) advance(sizes.get(entry.name));
  }).observe({ type: "resource", buffered: true });
}

// The helper's answer, awaited once the helper has been told what to fetch (fetchSnapshot).
let snapshotWasCached = false;
const inflated = new Promise((resolve, reject) => {
  inflater.onmessage = ({ data }) => {
    if (data.type === "progress") return advance(data.bytes);
    inflater.terminate();
    if (data.type === "failed") return reject(new Error(data.message));
    mark(data.cached ? "snapshotCached" : "snapshot");
    snapshotWasCached = data.cached;
    resolve(new Uint8Array(data.buffer));
  };
  inflater.onerror = (event) => {
    inflater.terminate();
    reject(new Error(`snapshot helper: ${event.message ?? "failed to start"}`));
  };
});
inflated.catch(() => {}); // awaited in bootEngine

function fetchSnapshot({ file, size, transferSize }) {
  inflater.postMessage({ url: new URL(file, here).href, size, transferSize });
  return inflated;
}

let engine = null;
const queue = [];
let broken = null; // why the interpreter can no longer be used, once it cannot

function answer({ id, request }) {
  if (broken) return;
  let response;
  try {
    response = engine.handle(request);
  } catch (error) {
    // The engine answers every request, bad ones included (egov_roles.handle never raises): an
    // exception here is the interpreter's own — Pyodide's fatal error (a stack overflow, memory
    // exhausted), after which Pyodide declares itself unusable. Nothing it would say after that
    // can be trusted: the worker stops answering, and the page is told (it says to reload).
    broken = `${error?.pyodide_fatal_error ? "fatal error" : "engine failure"}: ${error?.message ?? error}`;
    postMessage({ type: "failed", message: broken });
    return;
  }
  postMessage({ type: "response", id, response });
}

onmessage = ({ data }) => {
  if (data?.type !== "request") return;
  if (engine) answer(data);
  else queue.push(data);
};

async function start() {
  const [{ default: config }, { loadPyodide }, { bootEngine, fetchGzip }] = await modules;
  watchProgress(config);
  const snapshot = fetchSnapshot(config.snapshot);
  // site-packages is a gzip file too, inflated here as it arrives (this thread is idle then,
  // waiting for the WebAssembly): the browser's network process, which would inflate it for a
  // Content-Encoding, hands over a quarter of the bytes while the WebAssembly still streams.
  const sitePackages = fetchGzip(new URL(config.sitePackages.file, here), config.sitePackages.size, advance)
    .then((bytes) => {
      mark("sitePackagesFetched");
      return bytes;
    });
  // Failures are handled where these are awaited (in bootEngine); this only keeps the browser
  // from reporting them as unhandled before then.
  for (const pending of [snapshot, sitePackages]) pending.catch(() => {});
  const stderr = (line) => console.warn(`[python] ${line}`);
  const options = { loadPyodide, indexURL: here.href, config, sitePackages, createPyodideModule, stderr, mark };
  try {
    engine = await bootEngine({ ...options, snapshot, snapshotSize: config.snapshot.size });
    const stdlibFinder = engine.pyodide.globals.get("_egov_stdlib");
    stdlibFinder.url = stdlibURL; // for an import of a module the snapshot does not hold
    stdlibFinder.destroy();
  } catch (error) {
    // A snapshot that cannot be restored (it is tied to this exact Pyodide build) falls back to a
    // plain start from the same files: slower, but the same engine.
    console.warn(`engine snapshot not usable (${error?.message ?? error}); starting Python afresh`);
    if (snapshotWasCached) {
      // Dropped, and the runtime no longer counts as primed: the next visit stores it afresh.
      const { forgetInflated } = await import("./inflated.mjs");
      await forgetInflated(new URL(config.snapshot.file, here).href);
      await openPrimedDatabase().then((database) => primedRecord(database, "delete")).catch(() => {});
    }
    stdlibLater = false;
    // The same engine as a snapshot start: site-packages too, fetched again if it failed the first time.
    const sitePackagesAgain = sitePackages.catch(() =>
      fetchGzip(new URL(config.sitePackages.file, here), config.sitePackages.size));
    engine = await bootEngine({ ...options, sitePackages: sitePackagesAgain });
  }
  mark("booted");
  // Ready means the engine has answered: one real request goes through it first.
  const probe = JSON.parse(engine.handle(JSON.stringify(config.check)));
  if (probe?.ok !== true) throw new Error(`the engine answered ${JSON.stringify(probe)}`);
  mark("ready");
  const python = engine.pyodide.runPython("import sys; sys.version.split()[0]");
  // Where the worker's time went (for the benchmark): its marks and its downloads.
  for (const entry of performance.getEntriesByType("resource")) {
    timings[`fetched ${entry.name.slice(entry.name.lastIndexOf("/") + 1)}`] = Math.round(entry.responseEnd - started);
  }
  postMessage({ type: "ready", mode: engine.mode, python, timings, origin });
  while (queue.length) answer(queue.shift());
  // A fresh start (no usable snapshot) has primed the cache itself, and read the whole archive.
  // After a start from the snapshot the standard library's archive is not fetched at all: no
  // engine command imports a module the snapshot lacks (all 64 were run), and should one, the
  // finder fetches the archive then (STDLIB_ON_DEMAND_SOURCE in boot.mjs). Fetching it after
  // "ready" anyway cost every first visit 2.5 MB.
  if (engine.mode === "snapshot") setTimeout(() => primeCodeCache().catch(() => {}), PRIME_DELAY_MS);
}

// Once per runtime version (its directory's URL), a helper starts Python afresh so that the
// browser keeps the compiled WebAssembly for the next visit, and keeps the snapshot inflated
// (prime.js and inflated.mjs say why). It waits a few seconds after "ready": the page draws its
// first screen and the reader starts meanwhile. Done is remembered in IndexedDB; a browser
// without it, or one that refuses it, is simply not primed.
const PRIME_DELAY_MS = 3000;
const PRIMED_STORE = "primed";

function openPrimedDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("egov-runtime", 1);
    request.onupgradeneeded = () => request.result.createObjectStore(PRIMED_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

// action: "get", "put" or "delete" this runtime's record.
function primedRecord(database, action) {
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(PRIMED_STORE, action === "get" ? "readonly" : "readwrite");
    const store = transaction.objectStore(PRIMED_STORE);
    const request = action === "put" ? store.put(Date.now(), here.href) : store[action](here.href);
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

async function primeCodeCache() {
  const database = await openPrimedDatabase();
  if (await primedRecord(database, "get")) return;
  const primer = new Worker(new URL("prime.js", import.meta.url), { type: "module" });
  primer.onerror = () => primer.terminate();
  primer.onmessage = async () => {
    primer.terminate();
    await primedRecord(database, "put");
  };
}

const fail = (error) => postMessage({ type: "failed", message: String(error?.message ?? error) });
// Pyodide only logs a WebAssembly compilation it was refused, then waits forever: say it.
self.addEventListener("securitypolicyviolation", (event) =>
  fail(`refused by the Content-Security-Policy (${event.violatedDirective}): ${event.blockedURI}`));
start().catch(fail);
