# For each source path on stdin: what `python -m ast [-a] [-i N] [-m MODE] FILE` would print, as
# one JSON line: {"path", "sha256"} of the dump text (with its trailing newline), plus the dump
# itself when --full; or {"path", "error": [type, msg, lineno, offset, end_lineno, end_offset]}.
import ast, hashlib, json, sys, warnings

args = sys.argv[1:]
full = '--full' in args
attrs = '-a' in args
indent = int(args[args.index('-i') + 1]) if '-i' in args else 3
mode = args[args.index('-m') + 1] if '-m' in args else 'exec'
warnings.simplefilter('ignore')
for line in sys.stdin:
    path = line.rstrip('\n')
    if not path:
        continue
    with open(path, 'rb') as f:
        source = f.read()
    try:
        tree = ast.parse(source, path, mode, type_comments=True)
    except (SyntaxError, ValueError) as e:
        if isinstance(e, SyntaxError):
            err = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]
        else:
            err = [type(e).__name__, str(e), None, None, None, None]
        print(json.dumps({'path': path, 'error': err}), flush=True)
        continue
    text = ast.dump(tree, include_attributes=attrs, indent=indent) + '\n'
    rec = {'path': path, 'sha256': hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()}
    if full:
        rec['dump'] = text
    print(json.dumps(rec), flush=True)
