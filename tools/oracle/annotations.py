# For each .py file named on stdin (or a fixture of one expression per line, with --lines): every
# annotation's source, wrapped as `from __future__ import annotations\nx: (<expr>)`, and the string
# python3.11 stores for it (_PyAST_ExprAsUnicode). One JSON record per line: {"src", "expected"}.
import ast, json, sys, warnings

warnings.simplefilter("ignore")
PREFIX = "from __future__ import annotations\nx: (\n"


def record(seg):
    src = PREFIX + seg + "\n)\n"
    try:
        code = compile(src, "<annotation>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return None
    ns = {}
    exec(code, ns)
    return {"src": src, "expected": ns["__annotations__"]["x"]}


def segment(lines, node):
    # ast.get_source_segment, with the file split into lines once rather than per call
    first, last = node.lineno - 1, node.end_lineno - 1
    head = lines[first].encode()
    if first == last:
        return head[node.col_offset:node.end_col_offset].decode()
    return head[node.col_offset:].decode() + "".join(lines[first + 1:last]) + lines[last].encode()[:node.end_col_offset].decode()


def annotations(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign):
            yield node.annotation
        elif isinstance(node, ast.arg) and node.annotation is not None:
            yield node.annotation
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            yield node.returns


def main():
    lines_mode = "--lines" in sys.argv
    failed = False
    out = sys.stdout
    for path in sys.stdin.read().split("\n"):
        if not path:
            continue
        with open(path, "rb") as f:
            data = f.read()
        if lines_mode:
            for line in data.decode("utf-8").split("\n"):
                if line.strip() and not line.startswith("#"):
                    r = record(line)
                    if r is None:
                        sys.stderr.write(f"fixture line does not compile: {line!r}\n")
                        failed = True
                        continue
                    out.write(json.dumps(r) + "\n")
            continue
        try:
            tree = ast.parse(data)
            text = data.decode("utf-8")
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
        lines = ast._splitlines_no_ff(text)
        for a in annotations(tree):
            r = record(segment(lines, a))
            if r:
                out.write(json.dumps(r) + "\n")
    if failed:
        sys.exit(1)


main()
