// Start the role engine inside Pyodide. Shared by the browser's Web Worker (worker.js), the
// build-time snapshot maker (make-snapshot.mjs) and the Node checks and benchmarks.
//
// Two ways in:
// - "snapshot": Pyodide's memory as it was at build time, once Python had started and imported
//   the engine, is copied back into a fresh instance. That skips the interpreter's start-up and
//   every import, which is most of a plain loadPyodide.
// - "fresh": a plain start, then the same imports (the build uses it to make the snapshot, and the
//   worker falls back to it if a snapshot cannot be restored).
// Either way the wheels the site serves are unpacked into site-packages before Python starts:
// the file system is not part of a memory snapshot, and the engine reads its data files and
// imports some modules lazily.

// Python side of the bridge: one JSON string in, one JSON string out (the engine accepts and
// returns JSON text; the fallback covers a dict-returning handle).
export const BRIDGE_SOURCE = `
import json as _json
import egov_roles as _egov_roles

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

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// List a zip archive's members from its central directory (wheels are plain zips, never zip64).
export function zipEntries(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== SIG_END) end--;
  if (end < 0) throw new Error("not a zip archive");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== SIG_CENTRAL) throw new Error("corrupt zip central directory");
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (view.getUint32(localOffset, true) !== SIG_LOCAL) throw new Error(`corrupt zip entry ${name}`);
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    entries.push({ name, method, size, data: zip.subarray(start, start + compressedSize) });
  }
  return entries;
}

// A wheel's files, decompressed: [[path inside site-packages, bytes], ...]. Member names are
// checked so that a wheel cannot write outside site-packages.
export async function wheelFiles(wheel) {
  return Promise.all(
    zipEntries(wheel).map(async (entry) => {
      if (entry.name.startsWith("/") || entry.name.split("/").includes("..")) {
        throw new Error(`unsafe path in wheel: ${entry.name}`);
      }
      let data;
      if (entry.method === 0) data = entry.data;
      else if (entry.method === 8) data = await inflateRaw(entry.data);
      else throw new Error(`unsupported compression ${entry.method} for ${entry.name}`);
      if (data.length !== entry.size) throw new Error(`size mismatch for ${entry.name}`);
      return [entry.name, data];
    }),
  );
}

// Installing a pure wheel amounts to putting its files in site-packages.
export function writeFiles(FS, files, target) {
  for (const [name, data] of files) {
    const path = `${target}/${name}`;
    FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    FS.writeFile(path, data, { canOwn: true });
  }
}

// Read a response body into one buffer, reporting bytes as they arrive.
export async function readBody(response, onBytes = () => {}) {
  const expected = Number(response.headers.get("content-length")) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
    onBytes(value.length, expected);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// The gzip'd snapshot, decompressed while it downloads into a buffer of its known final size.
export async function readGzip(response, size, onBytes = () => {}) {
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        onBytes(chunk.length);
        controller.enqueue(chunk);
      },
    }),
  );
  const reader = counted.pipeThrough(new DecompressionStream("gzip")).getReader();
  const out = new Uint8Array(size);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
  }
  if (at !== size) throw new Error(`snapshot: ${at} bytes, expected ${size}`);
  return out;
}

// Start the engine. `config` is the runtime manifest written at build time (runtime-config.js);
// `fetchBytes(name, onBytes)` returns a file of the runtime directory; `snapshot` a promise of
// the snapshot's bytes, or null for a fresh start.
export async function bootEngine({
  loadPyodide,
  indexURL,
  config,
  wheels,
  snapshot = null,
  makeSnapshot = false,
  stdout = () => {},
  stderr = () => {},
  mark = () => {},
}) {
  const lockFileContents = { info: config.lockInfo, packages: {} };
  // Each wheel is decompressed as soon as it arrives, while the WebAssembly compiles.
  const unpacked = Promise.all(wheels.map(async (bytes) => wheelFiles(await bytes)));
  unpacked.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const pyodide = await loadPyodide({
    indexURL,
    lockFileContents,
    packageBaseUrl: indexURL,
    env: config.env,
    stdout,
    stderr,
    // No prompt(): the worker has none and Python never reads stdin here.
    stdin: () => null,
    _makeSnapshot: makeSnapshot,
    _loadSnapshot: snapshot ?? undefined,
    async fsInit(FS, { sitePackages }) {
      // Pyodide records the distributions it finds in site-packages at start-up, and refuses
      // to snapshot an instance that has any: when making the snapshot they go in afterwards.
      if (makeSnapshot) return;
      mark("fsInit");
      for (const files of await unpacked) writeFiles(FS, files, sitePackages);
      mark("wheels");
    },
  });
  mark("pyodide");
  if (makeSnapshot) {
    const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
    for (const files of await unpacked) writeFiles(pyodide.FS, files, sitePackages);
    pyodide.runPython(PREPARE_SNAPSHOT_SOURCE);
  }
  if (snapshot) {
    pyodide.runPython(AFTER_RESTORE_SOURCE);
  } else {
    pyodide.runPython(BRIDGE_SOURCE);
  }
  const handle = pyodide.globals.get("egov_handle");
  if (!handle) throw new Error("the engine bridge is missing from the Python globals");
  return { pyodide, handle: (text) => handle(text), mode: snapshot ? "snapshot" : "fresh" };
}
