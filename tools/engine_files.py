"""Which files of a site-packages tree the engine reads: run in a fresh CPython by
tools/build_runtime.py, once on the wheels' whole tree (to trim it) and once on the trimmed tree
(to check it).

It imports every module of egov_roles from TREE alone (no other site-packages: -S -I), sends the
given requests through egov_roles.handle, and prints one JSON line: the files under TREE that
were imported or opened (python-stdnum reads its data files lazily), and the answers.

usage: python -S -I tools/engine_files.py TREE '<JSON list of requests>'
"""

import importlib
import json
import os
import pkgutil
import sys

tree = os.path.realpath(sys.argv[1])
requests = json.loads(sys.argv[2])
sys.path.insert(0, tree)
opened = set()


def audit(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith(tree + os.sep):
            opened.add(path)


sys.addaudithook(audit)
import egov_roles  # noqa: E402

for module in pkgutil.walk_packages(egov_roles.__path__, "egov_roles."):
    importlib.import_module(module.name)
answers = [json.loads(egov_roles.handle(json.dumps(request))) for request in requests]
for module in list(sys.modules.values()):
    file = getattr(module, "__file__", None)
    if file and os.path.realpath(file).startswith(tree + os.sep):
        opened.add(os.path.realpath(file))
print(json.dumps({
    "files": sorted(os.path.relpath(path, tree) for path in opened),
    "answers": answers,
}))
