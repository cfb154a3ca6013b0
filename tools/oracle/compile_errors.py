# Reads "#### name" sections from the files named on the command line and prints, per section, a
# JSON line: {"name", "error": [type, msg, lineno, offset, end_lineno, end_offset, text]} from
# compile(source, '<case>', 'exec', ast.PyCF_ONLY_AST) — or "error": null when it compiles.
import ast, json, sys, warnings

warnings.simplefilter('ignore')
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        data = f.read()
    for chunk in data.split(b'#### ')[1:]:
        name, _, source = chunk.partition(b'\n')
        try:
            compile(source, '<case>', 'exec', ast.PyCF_ONLY_AST)
            err = None
        except SyntaxError as e:
            err = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
        except ValueError as e:
            err = [type(e).__name__, str(e), None, None, None, None, None]
        print(json.dumps({'name': name.decode(), 'error': err}))
