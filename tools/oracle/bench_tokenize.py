# Oracle side of bench/tokenize.ts: tokenize.tokenize over every file listed on stdin, in memory
# (file reading excluded), best of argv[1] rounds. Prints {"seconds", "bytes"} as JSON.
import io
import json
import sys
import time
import tokenize

rounds = int(sys.argv[1])
datas = []
for line in sys.stdin:
    with open(line.rstrip("\n"), "rb") as f:
        datas.append(f.read())
best = None
for _ in range(rounds):
    t0 = time.perf_counter()
    for d in datas:
        try:
            for _tok in tokenize.tokenize(io.BytesIO(d).readline):
                pass
        except Exception:
            pass
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
sys.stdout.write(json.dumps({"seconds": best, "bytes": sum(len(d) for d in datas)}))
