// Run the engine's pytest suite inside real Pyodide (the npm package, under Node).
//
// The engine and its dependencies are installed from the very wheels the site serves
// (build/wheels), pytest and hypothesis from pure wheels (build/test-wheels); each wheel is
// checked against its manifest's sha256 first. The repository is mounted read-through at its own
// path, so tracebacks name the real files; nothing is written back to it (no bytecode, no
// pytest cache, hypothesis' database in Pyodide's memory).
//
// usage: node tests/pyodide/run.mjs [--repo DIR] [--] [pytest args...]
//        node tests/pyodide/run.mjs [--repo DIR] --script FILE [script args...]
// Prints pytest's (or the script's) output, then one line `PYODIDE-RESULT {json}` with the exit
// code and, for pytest, the counts. Exit code: pytest's (the script's).

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
let repo = path.resolve(here, "..", "..");
let pytestArgs = [];
let script = null;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--repo") repo = path.resolve(argv[++i]);
  else if (argv[i] === "--script") { script = path.resolve(argv[i + 1]); pytestArgs = argv.slice(i + 2); break; }
  else if (argv[i] === "--") { pytestArgs = argv.slice(i + 1); break; }
  else { pytestArgs = argv.slice(i); break; }
}
if (pytestArgs.length === 0 && !script) pytestArgs = ["demo/engine/tests"];

const { loadPyodide } = await import(path.join(repo, "node_modules", "pyodide", "pyodide.mjs"));

function wheelsOf(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  return manifest.wheels.map((w) => {
    const bytes = readFileSync(path.join(dir, w.file));
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (digest !== w.sha256) throw new Error(`${w.file}: sha256 ${digest} != manifest ${w.sha256}`);
    // unpackArchive wants a Uint8Array; a Node Buffer is refused.
    return { file: w.file, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  });
}

// An uncaught error would make Node print the offending line of pyodide.asm.mjs: one minified
// megabyte. Report the message (a Python traceback) instead.
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
function fail(error) {
  process.stderr.write(`pyodide runner failed: ${error?.message ?? error}\n`);
  process.exit(3);
}

const started = performance.now();
const testWheels = !script;
const pyodide = await loadPyodide({
  env: {
    PYTHONDONTWRITEBYTECODE: "1",
    HYPOTHESIS_STORAGE_DIRECTORY: "/tmp/hypothesis",
  },
});
const wheels = [
  ...wheelsOf(path.join(repo, "build", "wheels")),
  ...(testWheels ? wheelsOf(path.join(repo, "build", "test-wheels")) : []),
];
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
for (const { bytes } of wheels) pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
const loaded = performance.now();

pyodide.FS.mkdirTree(repo);
pyodide.mountNodeFS(repo, repo);
pyodide.FS.chdir(repo);
// Python's output goes straight through, unbuffered (pytest's progress dots, live figures).
const raw = (stream) => ({ write: (bytes) => (stream.write(bytes), bytes.length) });
pyodide.setStdout(raw(process.stdout));
pyodide.setStderr(raw(process.stderr));

if (script) {
  const runScript = pyodide.runPython(`
import runpy, sys
sys.path.insert(0, ${JSON.stringify(repo)})

def run_script(path, args):
    sys.argv = [path, *args]
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return 0

run_script
`);
  const exitcode = runScript(script, pyodide.toPy(pytestArgs));
  process.stdout.write(`\nPYODIDE-RESULT ${JSON.stringify({ exitcode, script })}\n`);
  process.exit(exitcode);
}

const runner = pyodide.runPython(`
import sys
sys.dont_write_bytecode = True

import pytest


class Counter:
    """Counts outcomes the way pytest's summary does, for a machine-readable result."""

    def __init__(self):
        self.counts = {"passed": 0, "failed": 0, "skipped": 0, "errors": 0, "xfailed": 0, "xpassed": 0}
        self.collected = 0
        self.deselected = 0

    def pytest_collection_modifyitems(self, items):
        self.collected = len(items)

    def pytest_collectreport(self, report):
        if report.failed:
            self.counts["errors"] += 1

    def pytest_deselected(self, items):
        self.deselected += len(items)

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            if hasattr(report, "wasxfail"):
                key = "xfailed" if report.skipped else "xpassed"
            elif report.failed:
                key = "failed" if report.when == "call" else "errors"
            else:
                key = report.outcome
            self.counts[key] += 1
        elif report.when == "teardown" and report.failed:
            self.counts["errors"] += 1


def run(args):
    counter = Counter()
    code = pytest.main(["-p", "no:cacheprovider", *args], plugins=[counter])
    import egov_roles
    return {
        "exitcode": int(code),
        "collected": counter.collected,
        "deselected": counter.deselected,
        **counter.counts,
        "python": sys.version.split()[0],
        "platform": sys.platform,
        "egov_roles": egov_roles.__file__,
    }

run
`);
const result = runner(pyodide.toPy(pytestArgs)).toJs({ dict_converter: Object.fromEntries });
result.load_seconds = Number(((loaded - started) / 1000).toFixed(2));
result.run_seconds = Number(((performance.now() - loaded) / 1000).toFixed(2));
result.wheels = wheels.map((w) => w.file);
process.stdout.write(`\nPYODIDE-RESULT ${JSON.stringify(result)}\n`);
process.exit(result.exitcode);
