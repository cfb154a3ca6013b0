# Oracle helper: importlib's own decision for each source on stdin (JSON lines
# {"source": path, "mode": "default"|"always"|"never"}): does SourceFileLoader.get_code use the
# cache ("fresh") or compile the source ("recompile")? Observed by wrapping source_to_code.
# Writes nothing (sys.dont_write_bytecode is set).
import _imp
import importlib.machinery
import json
import sys

sys.dont_write_bytecode = True
for line in sys.stdin:
    case = json.loads(line)
    _imp.check_hash_based_pycs = case["mode"]
    loader = importlib.machinery.SourceFileLoader("case_module", case["source"])
    compiled = []
    original = loader.source_to_code

    def spy(data, path, _original=original, _compiled=compiled):
        _compiled.append(path)
        return _original(data, path)

    loader.source_to_code = spy
    try:
        loader.get_code("case_module")
        result = "recompile" if compiled else "fresh"
    except Exception as e:  # a cache whose header passed but whose body is broken
        result = "error: %s" % type(e).__name__
    sys.stdout.write(json.dumps({"source": case["source"], "decision": result}) + "\n")
