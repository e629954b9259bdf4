// A start from the snapshot without the modules of Pyodide's start purged before it was taken
// (demo/runtime/boot.mjs, PURGED_BEFORE_SNAPSHOT), in real Pyodide under Node from the built
// runtime and its real snapshot.
//
// usage: node tests/pyodide/purged_start.mjs <site's runtime dir> <scratch dir> <requests.json>
// Prints one line `PURGED-RESULT {json}` with what was observed; the Python test judges it.

import { readFileSync } from "node:fs";
import path from "node:path";
import { restoreEngine } from "./restore.mjs";

const [dir, scratch, requestsFile] = process.argv.slice(2).map((p) => path.resolve(p));
const { engine, boot } = await restoreEngine(dir, scratch);
const roots = JSON.stringify(boot.PURGED_BEFORE_SNAPSHOT);
const py = (code) => engine.pyodide.runPython(code);
py(`
import sys as _s, types as _t
_roots = ${roots}
def _purged(name):
    return isinstance(name, str) and any(name == r or name.startswith(r + ".") for r in _roots)
def _loaded():
    return sorted(n for n in _s.modules if _purged(n))
def _holds_purged(value):
    """Whether a global is a function or a class of a purged module (a purged module itself
    imports itself again when a name of it is read: not one to read here)."""
    if isinstance(value, _t.ModuleType):
        return False
    home = getattr(value, "__globals__", None)
    if isinstance(home, dict):
        return _purged(home.get("__name__"))
    return isinstance(value, type) and _purged(value.__module__)
def _engine_holders():
    found = []
    for name, module in list(_s.modules.items()):
        if name == "__main__" or name.split(".")[0] in ("egov_roles", "stdnum"):
            found += [f"{name}.{key}" for key, value in vars(module).items() if _holds_purged(value)]
    return sorted(found)
`);
const json = (code) => JSON.parse(py(`__import__("json").dumps(${code})`));
const result = { roots: boot.PURGED_BEFORE_SNAPSHOT };
result.loadedAtStart = json("_loaded()");
result.engineHolders = json("_engine_holders()");
// The import system's table of the standard library archive's members is not carried either.
result.archiveTable = json(`(lambda z, s: len(z._zip_directory_cache.get(next(p for p in s.path if p.endswith(".zip")), {})))(__import__("zipimport"), _s)`);
// The requests the test gives (those the build sent before taking the snapshot, and the probe).
const requests = JSON.parse(readFileSync(requestsFile, "utf8"));
result.answers = requests.map((request) => JSON.parse(engine.handle(JSON.stringify(request))).ok);
result.loadedAfterRequests = json("_loaded()");
result.sleep = json(`(lambda t: [type(t.sleep).__name__, t.sleep.__module__, t.sleep(0)])(__import__("time"))`);
process.stdout.write(`PURGED-RESULT ${JSON.stringify(result)}\n`);
