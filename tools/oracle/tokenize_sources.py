# Reads JSON lines {"name", "source" (latin-1 text standing for bytes)} on stdin; for each prints
# {"name", "tokenize": [[type, string, start, end, line]...] or [exception type, str(exception)]}
# from tokenize.tokenize over the bytes.
import io, json, sys, tokenize

for line in sys.stdin:
    rec = json.loads(line)
    try:
        out = [[t.type, t.string, list(t.start), list(t.end), t.line] for t in tokenize.tokenize(io.BytesIO(rec['source'].encode('latin-1')).readline)]
    except Exception as e:
        out = [type(e).__name__, str(e)]
    print(json.dumps({'name': rec['name'], 'tokenize': out}))
