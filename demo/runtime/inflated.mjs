// The snapshot, inflated, kept in the browser's Cache Storage for the next visits: inflating its
// 31 MB from the 7 MB download was the longest step of a reload (about half a second here, the
// processor shared with everything else the page does). The helper that primes the compiled
// WebAssembly (prime.js) stores it once per runtime version, after "ready"; inflate.js reads it
// when present. Entries of other runtime versions are removed when a new one is stored.
//
// A browser without Cache Storage (it needs a secure context), or one that refuses to store,
// inflates the download as before: every failure here only means "not cached".

const CACHE = "egov-runtime";

// The cache key: the snapshot's own URL (its directory names the runtime version) + a marker.
const keyOf = (url) => `${url}?inflated`;

export async function readInflated(url, size) {
  if (typeof caches === "undefined") return null;
  try {
    const hit = await (await caches.open(CACHE)).match(keyOf(url));
    if (!hit) return null;
    const bytes = new Uint8Array(await hit.arrayBuffer());
    return bytes.length === size ? bytes : null;
  } catch {
    return null;
  }
}

export async function storeInflated(url, bytes) {
  if (typeof caches === "undefined") return false;
  try {
    const cache = await caches.open(CACHE);
    const runtime = new URL("./", url).href;
    for (const request of await cache.keys()) {
      if (!request.url.startsWith(runtime)) await cache.delete(request);
    }
    await cache.put(keyOf(url), new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    return true;
  } catch {
    return false;
  }
}

// A kept snapshot that could not be restored is dropped: the next visit downloads it again.
export async function forgetInflated(url) {
  if (typeof caches === "undefined") return;
  try {
    await (await caches.open(CACHE)).delete(keyOf(url));
  } catch {
    // not cached, or no Cache Storage: nothing to forget
  }
}
