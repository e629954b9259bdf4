// Build step (Node): the trimmed standard library (engine_stdlib.zip, tools/build_runtime.py) is
// enough for a fresh start of the engine. Python starts afresh with it in place of Pyodide's
// archive, imports every module of the engine, and answers the warm-up requests and the check.
//
// usage: node demo/runtime/check-stdlib.mjs <staged runtime dir> <archive>
// Reads runtime-config.json there; prints one JSON line: {"answers": [...]}.

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { bootEngine } from "./boot.mjs";

const dir = path.resolve(process.argv[2] ?? "");
const archive = path.resolve(dir, process.argv[3] ?? "");
const config = JSON.parse(readFileSync(path.join(dir, "runtime-config.json"), "utf8"));
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
const sitePackages = new Uint8Array(gunzipSync(readFileSync(path.join(dir, config.sitePackages.file))));
const engine = await bootEngine({
  loadPyodide, indexURL: dir + path.sep, config, sitePackages, stdLibURL: archive,
  stderr: (line) => process.stderr.write(line + "\n"),
});
engine.pyodide.runPython(`
import importlib, os, egov_roles
_root = os.path.dirname(egov_roles.__file__)
for _dir, _subdirs, _files in os.walk(_root):
    _package = "egov_roles" + _dir[len(_root):].replace(os.sep, ".")
    for _name in _files:
        if _name.endswith(".py"):
            importlib.import_module(_package if _name == "__init__.py" else f"{_package}.{_name[:-3]}")
`);
const answers = [...config.warmup, config.check].map((request) => JSON.parse(engine.handle(JSON.stringify(request))));
process.stdout.write(JSON.stringify({ answers }) + "\n");
