# Oracle helper: importlib.util.cache_from_source / source_from_cache for JSON cases on stdin.
# Each line: {"fn": "cache"|"source", "path": ..., "optimization": ...|null, "prefix": ...|null}.
# Each output line: {"ok": result} or {"error": "ValueError: message"}. The cwd is argv[1].
import importlib.util
import json
import os
import sys

os.chdir(sys.argv[1])
for line in sys.stdin:
    case = json.loads(line)
    sys.pycache_prefix = case["prefix"]
    try:
        if case["fn"] == "cache":
            kwargs = {} if case["optimization"] is None else {"optimization": case["optimization"]}
            result = {"ok": importlib.util.cache_from_source(case["path"], **kwargs)}
        else:
            result = {"ok": importlib.util.source_from_cache(case["path"])}
    except ValueError as e:
        result = {"error": "ValueError: %s" % e}
    sys.stdout.write(json.dumps(result) + "\n")
