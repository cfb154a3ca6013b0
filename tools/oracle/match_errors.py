# Reads "#### name" sections from the files named on the command line and prints, per section, a
# JSON line: {"name", "error": [type, msg, lineno, offset, end_lineno, end_offset, text]} from a full
# compile(source, '<case>', 'exec') (the code generator's checks included), or "error": null.
import json, sys, warnings

warnings.simplefilter('ignore')
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        data = f.read()
    for chunk in data.split(b'#### ')[1:]:
        name, _, source = chunk.partition(b'\n')
        try:
            compile(source, '<case>', 'exec', dont_inherit=True)
            err = None
        except SyntaxError as e:
            err = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
        print(json.dumps({'name': name.decode(), 'error': err}))
