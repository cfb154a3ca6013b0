# Oracle helper: import modules from a tree with python's real import system and report, for each,
# whether importlib compiled the source (it did not trust the cache) and the module's `x`.
# argv: ROOT NAME... ; writing caches is allowed unless the caller sets PYTHONDONTWRITEBYTECODE.
import importlib
import importlib.machinery
import json
import sys

compiled = []
original = importlib.machinery.SourceFileLoader.source_to_code


def spy(self, data, path, *args, **kwargs):
    compiled.append(path)
    return original(self, data, path, *args, **kwargs)


importlib.machinery.SourceFileLoader.source_to_code = spy
sys.path.insert(0, sys.argv[1])
values = {}
for name in sys.argv[2:]:
    values[name] = getattr(importlib.import_module(name), "x", None)
sys.stdout.write(json.dumps({"compiled": sorted(compiled), "values": values}) + "\n")
