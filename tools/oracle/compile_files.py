# Oracle helper: compile many sources with this interpreter's py_compile in one process.
# Usage: python compile_files.py ROOT OUTDIR [invalidation_mode] [optimize] < list of source paths
# Writes OUTDIR/<path relative to ROOT> + "c" for each source; prints one JSON object per line:
# {"src": ..., "pyc": ...} or {"src": ..., "error": "..."}. Runs under 2.7 and every 3.x.
import json
import os
import py_compile
import sys

root, outdir = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "timestamp"
optimize = int(sys.argv[4]) if len(sys.argv) > 4 else -1

kwargs = {}
if sys.version_info >= (3, 7):
    kwargs["invalidation_mode"] = {
        "timestamp": py_compile.PycInvalidationMode.TIMESTAMP,
        "checked-hash": py_compile.PycInvalidationMode.CHECKED_HASH,
        "unchecked-hash": py_compile.PycInvalidationMode.UNCHECKED_HASH,
    }[mode]
if sys.version_info >= (3, 2):
    kwargs["optimize"] = optimize

for line in sys.stdin:
    src = line.rstrip("\n")
    if not src:
        continue
    rel = os.path.relpath(src, root)
    pyc = os.path.join(outdir, rel + "c")
    try:
        d = os.path.dirname(pyc)
        if not os.path.isdir(d):
            os.makedirs(d)
        py_compile.compile(src, cfile=pyc, dfile=src, doraise=True, **kwargs)
        rec = {"src": src, "pyc": pyc}
    except Exception as e:  # SyntaxError in deliberately broken test inputs, and the like
        rec = {"src": src, "error": "%s: %s" % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(rec) + "\n")
