# Reads JSON lines {"path", "optimize", "mode"?} on stdin; for each prints {"path", "marshal": base64 of
# marshal.dumps(compile(source_bytes, path, mode, dont_inherit=True, optimize=N)) } or
# {"path", "error": [type, msg, lineno, offset, end_lineno, end_offset]} — the code objects
# py_compile would write, before the pyc header.
import base64, json, marshal, sys, warnings

warnings.simplefilter('ignore')
for line in sys.stdin:
    rec = json.loads(line)
    path = rec['path']
    try:
        with open(path, 'rb') as f:
            source = f.read()
        code = compile(source, path, rec.get('mode', 'exec'), dont_inherit=True, optimize=rec.get('optimize', 0))
        out = {'path': path, 'marshal': base64.b64encode(marshal.dumps(code)).decode('ascii')}
    except SyntaxError as e:
        out = {'path': path, 'error': [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]}
    except (ValueError, MemoryError, RecursionError) as e:
        out = {'path': path, 'error': [type(e).__name__, str(e), None, None, None, None]}
    print(json.dumps(out), flush=True)
