# Every example of the doctests in the CPython test modules named on the command line (e.g.
# test.test_syntax, whose doctests are mostly invalid programs), compiled as a full
# compile(source, '<case>', 'exec'): one JSON line per example, {"module", "source", "error"} with
# error = [type, msg, lineno, offset, end_lineno, end_offset, text], or null when it compiles.
import doctest, importlib, json, sys, warnings

warnings.simplefilter('ignore')
finder = doctest.DocTestFinder()
for name in sys.argv[1:]:
    module = importlib.import_module(name)
    for test in finder.find(module):
        for example in test.examples:
            try:
                compile(example.source, '<case>', 'exec', dont_inherit=True)
                err = None
            except SyntaxError as e:
                err = [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text]
            print(json.dumps({'module': name, 'source': example.source, 'error': err}))
