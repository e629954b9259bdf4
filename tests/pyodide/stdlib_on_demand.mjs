// The standard library on demand (demo/runtime/boot.mjs, STDLIB_ON_DEMAND_SOURCE), in real
// Pyodide under Node, from the built runtime and its real snapshot, started as the browser's
// worker starts it: with an empty archive in place of the standard library's.
//
// usage: node tests/pyodide/stdlib_on_demand.mjs <site's runtime dir> <scratch dir>
// Prints one line `STDLIB-RESULT {json}` with what was observed; the Python test judges it.

import { readFileSync } from "node:fs";
import path from "node:path";
import { restoreEngine } from "./restore.mjs";

const [dir, scratch] = process.argv.slice(2).map((p) => path.resolve(p));
const { engine, config } = await restoreEngine(dir, scratch);

// A stand-in for the browser's synchronous XMLHttpRequest: serves the runtime's files, counts.
const requests = [];
globalThis.XMLHttpRequest = class {
  open(method, url, async) {
    requests.push({ method, url, async });
    this.url = url;
  }
  send() {
    const file = path.join(dir, new URL(this.url).pathname.split("/").pop());
    const bytes = readFileSync(file);
    this.status = 200;
    this.response = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
};

const py = (code) => engine.pyodide.runPython(code);
const outcome = (code) => {
  try {
    py(code);
    return "ok";
  } catch (error) {
    return String(error.message).trim().split("\n").pop();
  }
};
py("import os, sys");
const finderThere = () => py("any(type(f).__name__ == '_StdlibOnDemand' for f in sys.meta_path)");
const result = {};
result.start = { finder: finderThere(), archive: py("os.path.getsize(_egov_stdlib.path)"), size: py("_egov_stdlib.size") };
result.check = JSON.parse(engine.handle(JSON.stringify(config.check))).ok;
// Started as the build started it (tools/build_runtime.ENV): optimized, and the engine imported
// without pydoc (boot.mjs, BRIDGE_SOURCE).
result.optimize = py("sys.flags.optimize");
result.pydocLoaded = py("'pydoc' in sys.modules");
result.colorsysLoaded = py("'colorsys' in sys.modules");
// Not a standard-library name: the finder lets the import system say so, and stays.
result.notStdlib = { outcome: outcome("import no_such_module_anywhere"), finder: finderThere(), requests: requests.length };
// A standard-library module before the worker said where the archive is: a clear error, nothing lost.
result.noAddress = { outcome: outcome("import colorsys"), finder: finderThere(), requests: requests.length };
// With the address: fetched synchronously, written, imported; the finder steps aside.
py("_egov_stdlib.url = 'http://127.0.0.1/runtime/python_stdlib.zip'");
result.fetched = {
  outcome: outcome("import colorsys\nif colorsys.rgb_to_hsv(1, 0, 0) != (0, 1, 1): raise ValueError(colorsys.rgb_to_hsv(1, 0, 0))"),
  finder: finderThere(),
  requests: requests.map(({ method, async }) => ({ method, async })),
  archive: py("os.path.getsize(_egov_stdlib.path)"),
};
// Another one now comes straight from the archive, without a request.
result.after = { outcome: outcome("import fractions; fractions.Fraction(1, 3) * 3 == 1"), requests: requests.length };
result.engineAfter = JSON.parse(engine.handle(JSON.stringify(config.check))).ok;
// python-stdnum's reference to pydoc is the stand-in: reading one of its names brings the real one.
result.pydocOnUse = {
  outcome: outcome("import stdnum.util\nif stdnum.util.pydoc.splitdoc('Title\\n\\nBody') != ('Title', 'Body'): raise ValueError('splitdoc')"),
  real: py("hasattr(sys.modules.get('pydoc'), 'render_doc')"),
  again: outcome("import pydoc\nif pydoc is not sys.modules['pydoc'] or not callable(pydoc.render_doc): raise ValueError('pydoc')"),
};
// python-stdnum's util keeps ssl and pkgutil, purged before the snapshot (boot.mjs): reading a
// name of one imports it again.
result.purgedOnUse = {
  outcome: outcome("import stdnum.util\nif not callable(stdnum.util.pkgutil.iter_modules): raise ValueError('pkgutil')"),
  fresh: py("sys.modules.get('pkgutil') is not None and hasattr(sys.modules['pkgutil'], 'walk_packages')"),
};
process.stdout.write(`STDLIB-RESULT ${JSON.stringify(result)}\n`);
