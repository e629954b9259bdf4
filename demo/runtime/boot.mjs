// Start the role engine inside Pyodide. Shared by the browser's Web Worker (worker.js) and the
// build-time snapshot maker (make-snapshot.mjs).
//
// Two ways in:
// - "snapshot": Pyodide's memory as it was at build time, once Python had started and imported
//   the engine, is copied back into a fresh instance. That skips the interpreter's start-up and
//   every import, which is most of a plain loadPyodide.
// - "fresh": a plain start, then the same imports (the build uses it to make the snapshot, and the
//   worker falls back to it if a snapshot cannot be restored).
// Either way site-packages is filled before Python starts, with the files of the wheels the site
// serves: the file system is not part of a memory snapshot, and the engine imports some modules
// and reads its data files lazily. The build packs those files once into site-packages.tar.gz
// (tools/build_runtime.py): one download instead of some 360 wheel members to inflate one by one,
// which cost half a second of the worker's time.

// Python side of the bridge: one JSON string in, one JSON string out (the engine accepts and
// returns JSON text; the fallback covers a dict-returning handle).
export const BRIDGE_SOURCE = `
import json as _json
import sys as _sys
import types as _types


def _on_first_use(name, stand_in):
    """Makes stand_in (an empty module) import the real module called name when one of its names is
    read, and hand that name over: for pydoc below, and for the modules purged before the snapshot
    (PURGE_SOURCE)."""

    def __getattr__(attribute):
        import importlib
        if _sys.modules.get(name) is stand_in:
            del _sys.modules[name]
        return getattr(importlib.import_module(name), attribute)

    stand_in.__getattr__ = __getattr__
    return stand_in


# python-stdnum's util module imports pydoc, for module descriptions the engine never asks for,
# and pydoc imports a good part of the standard library: imported through this stand-in, the
# snapshot is 7% smaller on the wire (demo/runtime/README.md). Whoever reads a name of it later
# gets the real pydoc.
_pydoc_stand_in = None if "pydoc" in _sys.modules else _on_first_use("pydoc", _types.ModuleType("pydoc"))
if _pydoc_stand_in is not None:
    _sys.modules["pydoc"] = _pydoc_stand_in
try:
    import egov_roles as _egov_roles
finally:
    if _pydoc_stand_in is not None and _sys.modules.get("pydoc") is _pydoc_stand_in:
        del _sys.modules["pydoc"]
    del _pydoc_stand_in

def egov_handle(text):
    out = _egov_roles.handle(text)
    return out if isinstance(out, str) else _json.dumps(out, ensure_ascii=False)
`;

// Before the snapshot: see the installed files, and import what Pyodide runs at each start-up to
// list the installed distributions (it finds none while the snapshot is made).
export const PREPARE_SNAPSHOT_SOURCE = `
import importlib
importlib.invalidate_caches()
from pyodide import _package_loader
for _dist in _package_loader.SITE_PACKAGES.glob("*.dist-info"):
    _package_loader.get_dist_source(_dist)
`;

// After a restore, state that was fixed at build time is refreshed: the global random generator
// would otherwise replay the same sequence in every browser, and the time zone is the build
// machine's.
export const AFTER_RESTORE_SOURCE = `
import sys as _sys
if "random" in _sys.modules:
    _sys.modules["random"].seed()
if "time" in _sys.modules and hasattr(_sys.modules["time"], "tzset"):
    _sys.modules["time"].tzset()
`;

// Just before the snapshot is taken: the standard library's archive on demand. A start from the
// snapshot needs none of the archive (what the engine imported is in memory; the import system
// keeps the archive's table of contents there too), yet Pyodide's loader waits for it before the
// module may start: measured on a first visit, the engine was ready 0.2 s sooner without that
// wait (10 rounds, interleaved). So the worker gives Pyodide an empty archive, and the real one
// comes only if an import needs it (none of the engine's commands does: worker.js, start()).
// This finder, first on sys.meta_path, finds nothing itself: it makes sure the real archive is
// there before the import system reads a standard-library module from it, fetching it
// synchronously (an import cannot wait otherwise; a worker may make synchronous requests), then
// steps aside.
export const STDLIB_ON_DEMAND_SOURCE = `
import os as _os
import sys as _sys

class _StdlibOnDemand:
    def __init__(self):
        import zipfile
        self.path = next(p for p in _sys.path if p.endswith(".zip"))
        self.size = _os.path.getsize(self.path)
        with zipfile.ZipFile(self.path) as archive:
            # Top-level modules and packages: "json/decoder.py" -> "json", "os.py" -> "os".
            self.names = {n.split("/")[0].removesuffix(".py").removesuffix(".pyc") for n in archive.namelist()}
        self.url = None  # where to fetch it from: the worker says
        self.busy = False

    def complete(self):
        return _os.path.getsize(self.path) == self.size

    def find_spec(self, name, path=None, target=None):
        if self.busy or name.partition(".")[0] not in self.names:
            return None
        self.busy = True
        try:
            if not self.complete():
                self._download()
            _sys.meta_path.remove(self)
            # Read the archive's table again, in case something re-read it while it was empty.
            importer = _sys.path_importer_cache.get(self.path)
            if importer is not None:
                importer.invalidate_caches()
        finally:
            self.busy = False
        return None

    def _download(self):
        if self.url is None:
            raise ImportError(f"the standard library ({self.path}) is not there yet, and no address to fetch it")
        from js import XMLHttpRequest
        request = XMLHttpRequest.new()
        request.open("GET", self.url, False)
        request.responseType = "arraybuffer"
        request.send()
        if request.status != 200:
            raise ImportError(f"the standard library could not be fetched: {self.url}: HTTP {request.status}")
        data = request.response.to_bytes()
        if len(data) != self.size:
            raise ImportError(f"the standard library: {len(data)} bytes from {self.url}, expected {self.size}")
        with open(self.path, "wb") as archive:
            archive.write(data)

_egov_stdlib = _StdlibOnDemand()
_sys.meta_path.insert(0, _egov_stdlib)
`;

// Last before the snapshot: the modules Pyodide's own start imports and nothing uses after a
// restore are taken out, so that the memory the snapshot carries no longer holds them. A start
// from the snapshot runs the engine through runPython and globals alone: it never awaits, loads a
// package or calls a Python function "relaxed" (tests/pyodide/test_purged_start.py checks the
// worker's code, and sends the warm-up requests after a restore). Purged: asyncio and Pyodide's event loop
// (pyodide.webloop, which Pyodide's start imports for awaiting JS promises), what only they or
// the package loader's installs use (ssl, socket, email, zipfile, tempfile...), and inspect and
// dis (pyodide.code's relaxed calls). Each is emptied (its globals cleared, so that what it held
// is freed even if another module keeps a reference to it) and removed from sys.modules: an
// import of one of them later gets a new module (from the archive, through the finder above), and
// so does whoever kept the emptied one (python-stdnum's util keeps ssl and pkgutil) when it reads
// a name of it. Functions and classes of a purged module that others kept fail once called
// (pyodide.code keeps inspect's signature): the engine keeps none (test_purged_start.py).
// Figures: demo/runtime/README.md.
export const PURGED_BEFORE_SNAPSHOT = [
  "asyncio", "pyodide.webloop", "ssl", "_ssl", "socket", "selectors", "subprocess", "signal",
  "concurrent", "email", "bz2", "lzma", "compression", "pkgutil", "codeop", "sysconfig",
  "_sysconfigdata__emscripten_wasm32-emscripten", "inspect", "dis", "opcode", "importlib.metadata",
  "zipfile", "tempfile",
];
export const PURGE_SOURCE = `
def _egov_purge(roots):
    import gc, sys, time

    under = lambda name, root: name == root or name.startswith(root + ".")
    webloop = sys.modules.get("pyodide.webloop")
    if webloop is not None:
        # Pyodide's snapshot expects the JS function webloop took from Pyodide's API to be held
        # still (its table of JS references is restored as it was): _pyodide keeps it.
        sys.modules["_pyodide"]._egov_schedule_callback = webloop.scheduleCallback
        if time.sleep is getattr(webloop, "_sleep", None):
            time.sleep = webloop._orig_sleep
        # The event loop is also referenced by the interpreter's thread state.
        sys.modules["asyncio"]._set_running_loop(None)
    purged = sorted(name for name in sys.modules if any(under(name, root) for root in roots))
    for name in purged:
        module = sys.modules.pop(name)
        parent, _, child = name.rpartition(".")
        if getattr(sys.modules.get(parent), child, None) is module:
            delattr(sys.modules[parent], child)
        namespace = getattr(module, "__dict__", None)
        if namespace is not None:
            kept = {key: namespace[key] for key in ("__name__", "__spec__") if key in namespace}
            namespace.clear()
            namespace.update(kept)
            _on_first_use(name, module)
    module = namespace = None
    sys.modules["linecache"].clearcache()
    # The import system's table of the standard library archive's members (0.16 MB of objects):
    # a start from the snapshot has an empty archive until the finder above fetches the real one,
    # and then has the table read again (invalidate_caches).
    sys.modules["zipimport"]._zip_directory_cache.clear()
    gc.collect()
    return [root for root in roots if not any(under(name, root) for name in purged)]
`;

// What Pyodide's loader gets for the standard library on a start from the snapshot: a zip archive
// without members (its end-of-central-directory record alone).
export const EMPTY_ZIP = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

// The files of a ustar archive: [[path, bytes (a view into `tar`, no copy)], ...]. Paths are
// checked so that the archive cannot write outside site-packages.
export function tarFiles(tar) {
  const decoder = new TextDecoder();
  const field = (at, length) => {
    const bytes = tar.subarray(at, at + length);
    const end = bytes.indexOf(0);
    return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end));
  };
  const files = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = field(at, 100);
    if (!name) break; // the two empty blocks that end an archive
    if (field(at + 257, 5) !== "ustar") throw new Error("site-packages bundle: not a ustar archive");
    const prefix = field(at + 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    const size = parseInt(field(at + 124, 12).trim() || "0", 8);
    const type = field(at + 156, 1) || "0";
    if (path.startsWith("/") || path.split("/").includes("..")) throw new Error(`unsafe path ${path}`);
    if (type === "0") files.push([path, tar.subarray(at + 512, at + 512 + size)]);
    else if (type !== "5") throw new Error(`site-packages bundle: entry type ${type} for ${path}`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

// Installing pure wheels amounts to putting their files in site-packages.
export function writeFiles(FS, files, target) {
  const made = new Set();
  for (const [name, data] of files) {
    const dir = `${target}/${name}`.slice(0, target.length + 1 + name.lastIndexOf("/"));
    if (!made.has(dir)) {
      FS.mkdirTree(dir);
      made.add(dir);
    }
    FS.writeFile(`${target}/${name}`, data, { canOwn: true });
  }
}

// Download a gzip file of the runtime (site-packages) and inflate it as it arrives
// into a buffer of its known decompressed size, reporting the bytes as they come.
export async function fetchGzip(url, size, onBytes = () => {}) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return readGzip(response, size, onBytes);
}

// The memory snapshot's file (tools/build_runtime.py, _snapshot_pages) holds only the pages that
// are not zeros: a little-endian uint32 count of runs, each run's start and length as two uint32,
// then the runs' bytes in order. Its pages are laid out, as they arrive, in a buffer of the
// memory's size; the rest stays zeros. The host sends the brotli or gzip twin with
// Content-Encoding (the browser's network process decodes it), or the plain file: the bytes
// read are the same.
export async function fetchSnapshotPages(url, size, onBytes = () => {}) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const source = response.body.getReader();
  const pages = snapshotPages(size, url);
  for (;;) {
    const { done, value } = await source.read();
    if (done) return pages.finish();
    onBytes(value.length);
    pages.push(value);
  }
}

// The snapshot's file, fed in pieces of any length (`push`), into the memory (`finish`).
export function snapshotPages(size, name = "snapshot") {
  const out = new Uint8Array(size);
  let head = new Uint8Array(0); // the header's bytes, until it is whole
  let runs = null; // [start, length, start, length, ...]
  let run = 0; // index of the run being filled
  let filled = 0; // bytes of that run already laid out
  const bad = (why) => new Error(`${name}: not a snapshot of ${size} bytes (${why})`);
  const layOut = (bytes) => {
    let at = 0;
    while (at < bytes.length) {
      if (run >= runs.length) throw bad("bytes after the last run");
      const [start, length] = [runs[run], runs[run + 1]];
      const n = Math.min(length - filled, bytes.length - at);
      out.set(bytes.subarray(at, at + n), start + filled);
      at += n;
      filled += n;
      if (filled === length) [run, filled] = [run + 2, 0];
    }
  };
  const readHeader = () => {
    if (head.length < 4) return;
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const count = view.getUint32(0, true);
    if (count > size / 8) throw bad("too many runs");
    const headerLength = 4 + 8 * count;
    if (head.length < headerLength) return;
    runs = new Array(2 * count);
    let end = 0;
    for (let i = 0; i < 2 * count; i += 2) {
      const [start, length] = [view.getUint32(4 + 4 * i, true), view.getUint32(8 + 4 * i, true)];
      if (start < end || length === 0 || start + length > size) throw bad("a run out of place");
      [runs[i], runs[i + 1], end] = [start, length, start + length];
    }
    layOut(head.subarray(headerLength));
    head = null;
  };
  return {
    push(bytes) {
      if (runs) return layOut(bytes);
      const joined = new Uint8Array(head.length + bytes.length);
      joined.set(head);
      joined.set(bytes, head.length);
      head = joined;
      readHeader();
    },
    finish() {
      if (!runs || run !== runs.length) throw bad("cut short");
      return out;
    },
  };
}

// gzip's first two bytes (RFC 1952).
const GZIP_MAGIC = [0x1f, 0x8b];

// The file is recognised by its content, not by what the host said: many hosts send every .gz
// file with Content-Encoding: gzip, and the browser then hands over the bytes already inflated.
// Those bytes are taken as they are (they must be `size` long all the same).
async function readGzip(response, size, onBytes) {
  const source = response.body.getReader();
  const first = await source.read();
  const head = first.value ?? new Uint8Array(0);
  const gzipped = head.length >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  const counted = new ReadableStream({
    start(controller) {
      if (head.length) {
        onBytes(head.length);
        controller.enqueue(head);
      }
      if (first.done) controller.close();
    },
    async pull(controller) {
      const { done, value } = await source.read();
      if (done) return controller.close();
      onBytes(value.length);
      controller.enqueue(value);
    },
    cancel: (reason) => source.cancel(reason),
  });
  const reader = (gzipped ? counted.pipeThrough(new DecompressionStream("gzip")) : counted).getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > size) throw new Error(`${response.url}: more than the expected ${size} bytes`);
    out.set(value, at);
    at += value.length;
  }
  if (at !== size) throw new Error(`${response.url}: ${at} bytes, expected ${size}`);
  return out;
}

// Pages of the snapshot the module brings itself. The first 3.3 MB of Pyodide's memory are the
// WebAssembly's data segments (its static data), mostly unchanged when the snapshot is taken;
// they compress to 1.5 MB, yet every instance has them in its memory already once instantiated.
// So the build zeroes in the snapshot file the pages that were the same when the module had
// just started (at fsInit) and when the snapshot was taken (`fromModule`: their runs and a hash
// of their bytes), and a restore copies them from the new instance's own memory at fsInit. Should
// those bytes differ from the build's (a hash mismatch), the snapshot is refused and the engine
// starts afresh: a wrong byte there would be a silent fault.
export const PAGE = 4096;

export function hashPages(memory, runs) {
  let hash = 0x811c9dc5;
  for (const [start, length] of runs) {
    const words = new Uint32Array(memory.buffer, memory.byteOffset + start, length / 4);
    for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 16777619);
  }
  return hash >>> 0;
}

// Build side: the runs of non-zero pages alike in `initial` (the memory at fsInit) and `memory`
// (the snapshot's), which are then zeroed in `memory`.
export function takeModulePages(initial, memory) {
  const runs = [];
  const limit = Math.min(initial.length, memory.length) - (Math.min(initial.length, memory.length) % PAGE);
  for (let at = 0; at < limit; at += PAGE) {
    const page = memory.subarray(at, at + PAGE);
    if (!page.some((byte) => byte) || !equalBytes(page, initial.subarray(at, at + PAGE))) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === at) last[1] += PAGE;
    else runs.push([at, PAGE]);
  }
  const hash = hashPages(initial, runs);
  for (const [start, length] of runs) memory.fill(0, start, start + length);
  return { runs, hash };
}

function equalBytes(a, b) {
  const wa = new Uint32Array(a.buffer, a.byteOffset, a.length / 4);
  const wb = new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
  for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return false;
  return true;
}

// Restore side: the module's own pages into the snapshot's buffer (its memory starts at `offset`).
function giveModulePages(heap, snapshot, { offset, runs, hash }) {
  if (hashPages(heap, runs) !== hash) throw new Error("snapshot: the module's static data differ from the build's");
  for (const [start, length] of runs) snapshot.set(heap.subarray(start, start + length), offset + start);
}

// Start the engine. `config` is the runtime manifest written at build time (runtime-config.js);
// `sitePackages` a promise of the site-packages tar's bytes; `snapshot` a promise of the
// snapshot's bytes, or null for a fresh start; `snapshotSize` the snapshot's length.
//
// Pyodide awaits the whole snapshot before it even creates its module, yet all it needs then is
// the length (the size of the memory to create); the bytes are read only after the module has
// started. Given the length, Pyodide gets at once a buffer of that size, and the snapshot's bytes
// are copied into it as soon as they are there (often while the WebAssembly still compiles);
// fsInit, the last step before they are read, waits for the copy: the module is created,
// instantiated and initialised while the snapshot still downloads and inflates.
export async function bootEngine({
  loadPyodide,
  indexURL,
  config,
  sitePackages,
  snapshot = null,
  snapshotSize = 0,
  createPyodideModule = undefined,
  stdLibURL = undefined,
  makeSnapshot = false,
  stderr = () => {},
  mark = () => {},
  atFsInit = () => {},
}) {
  const files = Promise.resolve(sitePackages).then(tarFiles);
  files.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  if (snapshot && !snapshotSize) throw new Error("bootEngine: a snapshot needs its snapshotSize");
  const early = snapshot ? new Uint8Array(snapshotSize) : null;
  let snapshotFailure = null;
  let filesFailure = null;
  let module = null; // Emscripten's Module, once Pyodide creates it
  const snapshotCopied = early && Promise.resolve(snapshot).then((bytes) => {
    if (bytes.length !== early.length) throw new Error(`snapshot: ${bytes.length} bytes, expected ${early.length}`);
    early.set(bytes);
    mark("snapshotCopied");
  });
  snapshotCopied?.catch(() => {}); // awaited in fsInit
  const pyodide = await loadPyodide({
    indexURL,
    // loadPyodide wants a lock file; its package index is of no use without the packages.
    lockFileContents: { info: config.lockInfo, packages: {} },
    packageBaseUrl: indexURL,
    // The standard library's archive: Pyodide's own beside its files unless told otherwise.
    stdLibURL,
    env: config.env,
    stdout: () => {},
    stderr,
    // No prompt(): a worker has none, and Python never reads stdin here.
    stdin: () => null,
    _makeSnapshot: makeSnapshot,
    _loadSnapshot: early ?? undefined,
    // The settings object becomes Emscripten's Module: its memory is read at fsInit.
    createPyodideModule: async (settings) => {
      module = settings;
      mark("createModule");
      return (await (createPyodideModule ?? import(`${indexURL}pyodide.asm.mjs`).then((m) => m.default)))(settings);
    },
    async fsInit(FS, { sitePackages: target }) {
      atFsInit(module.HEAPU8);
      // Pyodide records the distributions it finds in site-packages at start-up, and refuses
      // to snapshot an instance that has any: when making the snapshot they go in afterwards.
      if (makeSnapshot) return;
      mark("fsInit");
      // Pyodide does not see an error thrown here (it goes on, then finds no snapshot in the
      // buffer, or no engine to import): it is kept, and reported instead of Pyodide's.
      try {
        writeFiles(FS, await files, target);
      } catch (error) {
        filesFailure = error;
        return;
      }
      mark("sitePackages");
      if (early) {
        await snapshotCopied.catch((error) => (snapshotFailure = error));
        try {
          if (!snapshotFailure && config.snapshot?.fromModule) giveModulePages(module.HEAPU8, early, config.snapshot.fromModule);
        } catch (error) {
          snapshotFailure = error;
          early.fill(0, 0, 4); // no magic number: Pyodide refuses the buffer rather than restore it
        }
      }
    },
  }).catch((error) => {
    throw filesFailure ?? snapshotFailure ?? error;
  });
  if (filesFailure) throw filesFailure;
  mark("pyodide");
  if (makeSnapshot) {
    const target = pyodide.runPython("__import__('sysconfig').get_path('purelib')");
    writeFiles(pyodide.FS, await files, target);
    pyodide.runPython(PREPARE_SNAPSHOT_SOURCE);
  }
  pyodide.runPython(snapshot ? AFTER_RESTORE_SOURCE : BRIDGE_SOURCE);
  const handle = pyodide.globals.get("egov_handle");
  if (!handle) throw new Error("the engine bridge is missing from the Python globals");
  return { pyodide, handle: (text) => handle(text), mode: snapshot ? "snapshot" : "fresh" };
}
