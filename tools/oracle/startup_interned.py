# Oracle helper for tools/gen-startup-interned.ts: candidates for the strings a fresh
# `python -m py_compile` process has interned before it compiles, and the probe module that tests
# each of them. Usage:
#   python startup_interned.py candidates [STDLIB]   -> one candidate per line (JSON strings)
#   python startup_interned.py probe OUT.py < cands  -> writes the probe module
# A candidate s is interned at start-up exactly when, in the probe, the frozenset {s} used by two
# functions is rebuilt for each of them (compile.c merges it; codeobject.c's
# intern_string_constants rebuilds a frozenset whose str elements are replaced by an older
# interned object), so the two functions stop sharing it.
import gc
import json
import re
import sys
import types

NAME = re.compile(r"\A[A-Za-z0-9_]*\Z", re.ASCII)


def candidates(stdlib):
    import argparse, py_compile, runpy  # what `-m py_compile` loads  # noqa: F401,E401

    out = set()
    seen = set()

    def add(s):
        if isinstance(s, str) and NAME.match(s):
            out.add(s)

    def walk_code(co):
        if id(co) in seen:
            return
        seen.add(id(co))
        for s in co.co_names + co.co_varnames + co.co_cellvars + co.co_freevars:
            add(s)
        add(co.co_name)
        stack = list(co.co_consts)
        while stack:
            c = stack.pop()
            if isinstance(c, types.CodeType):
                walk_code(c)
            elif isinstance(c, (tuple, frozenset)):
                stack.extend(c)
            else:
                add(c)

    for obj in gc.get_objects():
        if isinstance(obj, types.FunctionType):
            walk_code(obj.__code__)
        elif isinstance(obj, types.CodeType):
            walk_code(obj)
        elif isinstance(obj, dict):
            for k in obj:
                add(k)
        elif isinstance(obj, type):
            for k in obj.__dict__:
                add(k)
    for m in list(sys.modules.values()):
        for k, v in list(vars(m).items()):
            add(k)
            if isinstance(v, type):
                for kk in v.__dict__:
                    add(kk)
    for t in object.__subclasses__():
        for k in t.__dict__:
            add(k)
    for c in range(128):
        add(chr(c))
    # every identifier-like word of the stdlib's sources: strings C code interns at start-up
    # (keyword names, attribute names) are almost all spelled somewhere in Lib/
    if stdlib:
        import os
        word = re.compile(r"[A-Za-z0-9_]+", re.ASCII)
        for root, dirs, files in os.walk(stdlib):
            dirs[:] = [d for d in dirs if d not in ("site-packages", "__pycache__")]
            for name in files:
                if name.endswith(".py"):
                    with open(os.path.join(root, name), "rb") as f:
                        out.update(word.findall(f.read().decode("latin-1")))
    for s in sorted(out):
        if s.startswith("_Qz9"):
            continue
        sys.stdout.write(json.dumps(s) + "\n")


def probe(path):
    cands = [json.loads(line) for line in sys.stdin if line.strip()]
    body = "".join("    _Qz9x in {%r}\n" % s for s in cands)
    # the 1-character strings that are not identifier-like: written interned ('Z'/'t') exactly
    # when the process interned that very singleton before compiling
    chars = [chr(c) for c in range(256) if not NAME.match(chr(c))]
    with open(path, "w", encoding="utf-8") as f:
        f.write("def _Qz9f0(_Qz9x):\n" + body + "    return 0\n")
        f.write("def _Qz9f1(_Qz9x):\n" + body + "    return 1\n")
        f.write("_Qz9chars = (%s,)\n" % ", ".join(ascii(c) for c in chars))


if __name__ == "__main__":
    if sys.argv[1] == "candidates":
        candidates(sys.argv[2] if len(sys.argv) > 2 else None)
    else:
        probe(sys.argv[2])
