// The engine restored in real Pyodide under Node from the built runtime and its real snapshot,
// started as the browser's worker starts it: with an empty archive in place of the standard
// library's (demo/runtime/worker.js). Shared by the Node scripts of tests/pyodide.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

// An uncaught error would make Node print the failing line of pyodide.asm.mjs (one minified
// megabyte) and cut the message: the message (a Python traceback, if Python failed) is what helps.
function fail(error) {
  process.stderr.write(`${error?.stack ?? error}\n`.replace(/^.{2000,}$/gm, "…"));
  process.exit(1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

// dir: the site's runtime directory; scratch: a directory for the empty archive.
export async function restoreEngine(dir, scratch) {
  const load = (name) => import(pathToFileURL(path.join(dir, name)).href);
  const { default: config } = await load("runtime-config.js");
  const { loadPyodide } = await load("pyodide.mjs");
  const boot = await load("boot.mjs");
  const gunzip = (name) => new Uint8Array(gunzipSync(readFileSync(path.join(dir, name))));
  const empty = path.join(scratch, "empty.zip");
  writeFileSync(empty, boot.EMPTY_ZIP);
  const pages = boot.snapshotPages(config.snapshot.size);
  pages.push(new Uint8Array(readFileSync(path.join(dir, config.snapshot.file))));
  const snapshot = pages.finish();
  const engine = await boot.bootEngine({
    loadPyodide, indexURL: dir + path.sep, config, sitePackages: gunzip(config.sitePackages.file),
    snapshot, snapshotSize: snapshot.length, stdLibURL: empty,
  });
  return { engine, config, boot };
}
