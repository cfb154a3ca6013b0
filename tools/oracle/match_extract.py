# Every match statement of the .py files named on stdin, each as a small program of its own: the
# statement (dedented) inside `def f(self, x):\n    while x:` so that return / break / continue /
# yield in its cases stay valid. Programs python3.11 cannot compile are left out. One JSON line
# per statement: {"origin": "path:line", "source": ...}.
import ast, json, sys, textwrap, warnings

warnings.simplefilter("ignore")
for path in sys.stdin.read().split("\n"):
    if not path:
        continue
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        tree = ast.parse(text)
    except (SyntaxError, ValueError, UnicodeDecodeError):
        continue
    for node in ast.walk(tree):
        if not isinstance(node, ast.Match):
            continue
        seg = ast.get_source_segment(text, node, padded=True)
        source = "def f(self, x):\n    while x:\n" + textwrap.indent(textwrap.dedent(seg), "        ") + "\n"
        try:
            compile(source, "<match>", "exec", dont_inherit=True)
        except SyntaxError:
            continue
        print(json.dumps({"origin": f"{path}:{node.lineno}", "source": source}))
