# Oracle side of bench/marshal.ts: time marshal.loads over the bodies of the pycs listed on stdin
# (file reading excluded), best of argv[1] rounds. Prints seconds as JSON.
import json
import marshal
import sys
import time

rounds = int(sys.argv[1])
bodies = []
for line in sys.stdin:
    with open(line.rstrip("\n"), "rb") as f:
        bodies.append(f.read()[16:])
best = None
for _ in range(rounds):
    t0 = time.perf_counter()
    for b in bodies:
        marshal.loads(b)
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
sys.stdout.write(json.dumps({"seconds": best, "bytes": sum(len(b) for b in bodies)}))
