// A helper worker of the engine's worker: downloads the gzip'd memory snapshot and inflates it,
// so that the engine's thread stays free for what only it can do meanwhile (feeding the
// WebAssembly compiler as the bytes arrive, compiling Pyodide's Emscripten module). The
// inflated bytes are handed over without a copy (a transferred buffer).
//
// Message in:   {url, size}
// Messages out: {type: "progress", bytes} (compressed bytes as they arrive)
//               {type: "done", buffer}    {type: "failed", message}

import { readGzip } from "./boot.mjs";

onmessage = async ({ data: { url, size } }) => {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    // Progress in steps of 64 KiB or more: one message per network chunk would be thousands.
    let unsaid = 0;
    const bytes = await readGzip(response, size, (n) => {
      unsaid += n;
      if (unsaid < 65536) return;
      postMessage({ type: "progress", bytes: unsaid });
      unsaid = 0;
    });
    if (unsaid) postMessage({ type: "progress", bytes: unsaid });
    postMessage({ type: "done", buffer: bytes.buffer }, [bytes.buffer]);
  } catch (error) {
    postMessage({ type: "failed", message: String(error?.message ?? error) });
  }
};
