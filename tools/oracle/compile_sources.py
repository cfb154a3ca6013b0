# Reads JSON lines {"name", "source" (latin-1 text standing for bytes)} on stdin; for each prints
# {"name", "error": [type, msg, lineno, offset, end_lineno, end_offset] | null} from
# compile(source_bytes, '<fuzz>', 'exec', ast.PyCF_ONLY_AST).
import ast, json, sys, warnings

warnings.simplefilter('ignore')
for line in sys.stdin:
    rec = json.loads(line)
    source = rec['source'].encode('latin-1')
    try:
        compile(source, '<fuzz>', 'exec', ast.PyCF_ONLY_AST)
        err = None
    except SyntaxError as e:
        err = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
    except (ValueError, MemoryError, RecursionError) as e:
        err = [type(e).__name__, str(e), None, None, None, None]
    print(json.dumps({'name': rec['name'], 'error': err}), flush=True)
