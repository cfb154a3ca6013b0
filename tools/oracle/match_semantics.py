# Runs every "#### name" match statement of a fixture file against every subject (Python
# expressions, one a line on stdin), with `flag` False and then True, and prints one JSON line:
# {"subjects": [encoded subject...], "results": {name: [[env-or-error per subject] per flag]}}.
# env is the module's bindings after the match (the names the match stored), values encoded as
# {"t": "int"|"float"|"str"|"bool"|"none"|"list"|"tuple"|"dict"|"obj", ...}.
import json, sys


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class K:
    A = 1
    B = "b"


def enc(v):
    if v is None:
        return {"t": "none"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        return {"t": "float", "v": v}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, list):
        return {"t": "list", "items": [enc(x) for x in v]}
    if isinstance(v, tuple):
        return {"t": "tuple", "items": [enc(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "dict", "keys": [enc(k) for k in v], "values": [enc(x) for x in v.values()]}
    if isinstance(v, Point):
        return {"t": "obj", "cls": "Point", "attrs": {"x": enc(v.x), "y": enc(v.y)}}
    raise TypeError(f"cannot encode {v!r}")


BASE = {"Point": Point, "K": K}
subjects = [eval(line, dict(BASE)) for line in sys.stdin.read().split("\n") if line.strip()]
results = {}
with open(sys.argv[1], "rb") as f:
    data = f.read()
for chunk in data.split(b"#### ")[1:]:
    name, _, source = chunk.partition(b"\n")
    code = compile(source, "<case>", "exec", dont_inherit=True)
    per_flag = []
    for flag in (False, True):
        row = []
        for s in subjects:
            ns = dict(BASE, x=s, flag=flag)
            try:
                exec(code, ns)
            except Exception as e:
                row.append({"error": type(e).__name__})
                continue
            row.append({k: enc(v) for k, v in ns.items() if k not in BASE and k not in ("x", "flag", "__builtins__")})
        per_flag.append(row)
    results[name.decode()] = per_flag
print(json.dumps({"subjects": [enc(s) for s in subjects], "results": results}))
