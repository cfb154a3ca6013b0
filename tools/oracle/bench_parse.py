# Times ast.parse over the files named on stdin (read once, in memory), best of N rounds; prints
# {"seconds", "bytes", "peak_kb"} as JSON. Files CPython rejects count as parsed (they raise fast).
import ast, json, resource, sys, time, warnings

warnings.simplefilter('ignore')
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
datas = []
for line in sys.stdin:
    path = line.rstrip('\n')
    if path:
        with open(path, 'rb') as f:
            datas.append(f.read())
best = float('inf')
for r in range(rounds + 1):
    t0 = time.perf_counter()
    for d in datas:
        try:
            ast.parse(d)
        except (SyntaxError, ValueError):
            pass
    dt = time.perf_counter() - t0
    if r > 0:
        best = min(best, dt)
print(json.dumps({'seconds': best, 'bytes': sum(map(len, datas)), 'peak_kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
