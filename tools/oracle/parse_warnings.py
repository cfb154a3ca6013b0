# For each source path on stdin: the warnings ast.parse emits (every one, filters off), as a JSON
# line {"path", "warnings": [[category, message, lineno], ...]}.
import ast, json, sys, warnings

for line in sys.stdin:
    path = line.rstrip('\n')
    if not path:
        continue
    with open(path, 'rb') as f:
        source = f.read()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            ast.parse(source, path)
        except (SyntaxError, ValueError):
            pass
    print(json.dumps({'path': path, 'warnings': [[w.category.__name__, str(w.message), w.lineno] for w in caught]}))
