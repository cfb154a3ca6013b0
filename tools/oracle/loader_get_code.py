# Oracle helper: importlib's SourceFileLoader.get_code *with writing allowed*, for JSON cases on
# stdin: {"source", "mode": "default"|"always"|"never", "prefix": str|null, "dont_write": bool}.
# Each answer line: {"decision": "fresh"|"recompile"|"error: <type>: <message>"}. The caller looks
# at the cache file afterwards to see what importlib wrote (or did not).
import _imp
import importlib.machinery
import json
import sys

for line in sys.stdin:
    case = json.loads(line)
    _imp.check_hash_based_pycs = case.get("mode", "default")
    sys.pycache_prefix = case.get("prefix")
    sys.dont_write_bytecode = bool(case.get("dont_write"))
    loader = importlib.machinery.SourceFileLoader(case.get("fullname", "case_module"), case["source"])
    compiled = []
    original = loader.source_to_code

    def spy(data, path, _original=original, _compiled=compiled):
        _compiled.append(path)
        return _original(data, path)

    loader.source_to_code = spy
    try:
        loader.get_code(loader.name)
        result = "recompile" if compiled else "fresh"
    except Exception as e:
        result = "error: %s: %s" % (type(e).__name__, e)
    sys.stdout.write(json.dumps({"decision": result}) + "\n")
