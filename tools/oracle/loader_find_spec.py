# Oracle helper: importlib's finder and name resolution, for JSON queries on stdin (one per line).
# Each query has "op" and its arguments; each answer is one JSON line:
#   {"op": "find_spec", "name", "path": [...], "prefix", "cwd"}  PathFinder.find_spec(name, path)
#   {"op": "import", "name", "sys_path": [...], "prefix", "cwd"}  importlib.import_module(name):
#        the module's __spec__ fields and __file__/__cached__/__path__/__package__, or the error
#   {"op": "resolve", "name", "package", "level"}                 _sanity_check + _resolve_name
#   {"op": "resolve_util", "name", "package"}                      importlib.util.resolve_name
#   {"op": "dunder_import", "name", "package", "level"}            builtins.__import__ (C): the error
#   {"op": "import_globals", "name", "globals", "level"}           builtins.__import__ with those globals
#        ("__spec__": {"parent": ...} becomes an object with that .parent): the error and ImportWarnings
#   {"op": "cache_from_source", "path", "prefix", "cwd"}           importlib.util.cache_from_source
#   {"op": "extension_suffixes"}                                   importlib.machinery.EXTENSION_SUFFIXES
# "prefix" sets sys.pycache_prefix (null: None). The -O level is the interpreter's (run with -O/-OO).
# Writes nothing (sys.dont_write_bytecode is set).
import importlib
import importlib._bootstrap as bootstrap
import importlib.machinery
import importlib.util
import json
import os
import sys
import types
import warnings

sys.dont_write_bytecode = True
BASE_MODULES = set(sys.modules)
BASE_PATH = list(sys.path)


def spec_fields(spec):
    if spec is None:
        return None
    smsl = spec.submodule_search_locations
    return {
        "name": spec.name,
        "origin": spec.origin,
        "cached": spec.cached,
        "submoduleSearchLocations": None if smsl is None else list(smsl),
        "hasLocation": spec.has_location,
        "parent": spec.parent,
        "loader": None if spec.loader is None else type(spec.loader).__name__,
    }


def error(e):
    return {"error": type(e).__name__, "message": e.args[0] if isinstance(e, KeyError) else str(e)}


def reset():
    for name in set(sys.modules) - BASE_MODULES:
        del sys.modules[name]
    sys.path_importer_cache.clear()
    importlib.invalidate_caches()


for line in sys.stdin:
    q = json.loads(line)
    op = q["op"]
    if "cwd" in q:
        os.chdir(q["cwd"])
    sys.pycache_prefix = q.get("prefix")
    try:
        if op == "find_spec":
            reset()
            answer = {"spec": spec_fields(importlib.machinery.PathFinder.find_spec(q["name"], q["path"]))}
        elif op == "import":
            reset()
            sys.path[:] = q["sys_path"] + BASE_PATH
            try:
                m = importlib.import_module(q["name"])
                attrs = {"__name__": m.__name__, "__package__": m.__package__}
                for a in ("__file__", "__cached__"):
                    if hasattr(m, a):
                        attrs[a] = getattr(m, a)
                if hasattr(m, "__path__"):
                    attrs["__path__"] = list(m.__path__)
                answer = {"spec": spec_fields(m.__spec__), "attrs": attrs}
            finally:
                sys.path[:] = BASE_PATH
        elif op == "resolve":
            bootstrap._sanity_check(q["name"], q["package"], q["level"])
            answer = {"ok": bootstrap._resolve_name(q["name"], q["package"], q["level"]) if q["level"] > 0 else q["name"]}
        elif op == "resolve_util":
            answer = {"ok": importlib.util.resolve_name(q["name"], q["package"])}
        elif op == "dunder_import":
            reset()
            __import__(q["name"], {"__package__": q["package"], "__spec__": None, "__name__": "oracle_probe"}, None, [], q["level"])
            answer = {"ok": None}
        elif op == "import_globals":
            reset()
            g = dict(q["globals"])
            if isinstance(g.get("__spec__"), dict):
                g["__spec__"] = types.SimpleNamespace(**g["__spec__"])
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    __import__(q["name"], g, None, [], q["level"])
                    answer = {"ok": None}
                except Exception as e:
                    answer = error(e)
            answer["warnings"] = [str(w.message) for w in caught if issubclass(w.category, ImportWarning)]
        elif op == "cache_from_source":
            answer = {"ok": importlib.util.cache_from_source(q["path"])}
        elif op == "extension_suffixes":
            answer = {"ok": list(importlib.machinery.EXTENSION_SUFFIXES)}
        else:
            raise SystemExit("unknown op %r" % op)
    except Exception as e:
        answer = error(e)
    sys.stdout.write(json.dumps(answer) + "\n")
