// A helper worker of the engine's worker: downloads the memory snapshot's pages and lays them out
// in a buffer of the memory's size (boot.mjs, fetchSnapshotPages), so that the engine's thread
// stays free for what only it can do meanwhile (feeding the
// WebAssembly compiler as the bytes arrive, compiling Pyodide's Emscripten module). On a later
// visit it reads the snapshot already inflated, if the browser kept it (inflated.mjs). The
// bytes are handed over without a copy (a transferred buffer).
//
// Message in:   {url, size, transferSize}
// Messages out: {type: "progress", bytes} (bytes of the file as they arrive)
//               {type: "done", buffer, cached} {type: "failed", message}

import { fetchSnapshotPages } from "./boot.mjs";
import { readInflated } from "./inflated.mjs";

onmessage = async ({ data: { url, size, transferSize } }) => {
  try {
    const cached = await readInflated(url, size);
    if (cached) {
      postMessage({ type: "progress", bytes: transferSize });
      postMessage({ type: "done", buffer: cached.buffer, cached: true }, [cached.buffer]);
      return;
    }
    // Progress in steps of 64 KiB or more: one message per network chunk would be thousands.
    let unsaid = 0;
    const bytes = await fetchSnapshotPages(url, size, (n) => {
      unsaid += n;
      if (unsaid < 65536) return;
      postMessage({ type: "progress", bytes: unsaid });
      unsaid = 0;
    });
    if (unsaid) postMessage({ type: "progress", bytes: unsaid });
    postMessage({ type: "done", buffer: bytes.buffer, cached: false }, [bytes.buffer]);
  } catch (error) {
    postMessage({ type: "failed", message: String(error?.message ?? error) });
  }
};
