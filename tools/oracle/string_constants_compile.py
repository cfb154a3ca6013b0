# Every distinct string constant (under 2,000 characters) in the CPython test modules named on the
# command line (e.g. test_grammar: snippets handed to compile() or check_syntax_error, but also
# messages, names, any text), compiled as a full compile(text, '<case>', 'exec'): one JSON line per
# string, {"module", "source", "error"} with error = [type, msg, lineno, offset, end_lineno,
# end_offset, text], or null when it compiles. Strings that fail otherwise (ValueError, RecursionError…)
# are left out: tspyc's compile API has no counterpart to compare them with.
import ast, json, os, sys, sysconfig, warnings

warnings.simplefilter('ignore')
tests = os.path.join(sysconfig.get_paths()['stdlib'], 'test')
seen = set()
for name in sys.argv[1:]:
    path = os.path.join(tests, name + '.py')
    if not os.path.exists(path):
        path = os.path.join(tests, name, '__init__.py')
    with open(path, 'rb') as f:
        tree = ast.parse(f.read())
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or len(node.value) >= 2000 or node.value in seen:
            continue
        seen.add(node.value)
        try:
            compile(node.value, '<case>', 'exec', dont_inherit=True)
            err = None
        except SyntaxError as e:
            err = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
        except (ValueError, RecursionError, MemoryError, OverflowError):
            continue
        print(json.dumps({'module': name, 'source': node.value, 'error': err}))
