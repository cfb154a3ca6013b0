# Oracle helper for tools/gen-startup-interned.ts: candidates for the strings a fresh
# `python -m py_compile` process has interned before it compiles, and the probe module that tests
# each of them. Usage:
#   python startup_interned.py candidates [STDLIB]   -> one candidate per line (JSON strings)
#   python startup_interned.py qualnames             -> dotted class qualnames (JSON strings)
#   python startup_interned.py probe OUT.py < cands  -> writes the probe module
#   python startup_interned.py qualprobe OUT.py < quals  -> writes the class-qualname probe module
# (two modules: the classes' names would count as identifiers of the first one)
# A candidate s is interned at start-up exactly when, in the probe, the frozenset {s} used by two
# functions is rebuilt for each of them (compile.c merges it; codeobject.c's
# intern_string_constants rebuilds a frozenset whose str elements are replaced by an older
# interned object), so the two functions stop sharing it. A dotted class qualname Q is interned at
# start-up (3.13, which interns co_qualname) exactly when the probe's class body for Q gets a
# co_qualname other than its own __qualname__ constant.
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


def qualnames():
    import argparse, py_compile, runpy  # what `-m py_compile` loads  # noqa: F401,E401

    out = set()
    seen = {}  # id -> code object, kept alive so that ids are not reused

    def walk_code(co):
        if id(co) in seen:
            return
        seen[id(co)] = co
        if "." in co.co_qualname:
            out.add(co.co_qualname)
        for c in co.co_consts:
            if isinstance(c, types.CodeType):
                walk_code(c)

    for obj in gc.get_objects():
        if isinstance(obj, type):
            q = getattr(obj, "__qualname__", None)
            if isinstance(q, str) and "." in q:
                out.add(q)
        elif isinstance(obj, types.FunctionType):
            walk_code(obj.__code__)
        elif isinstance(obj, types.CodeType):
            walk_code(obj)
    # code objects that are gone again (a pure-Python function replaced by its C version) may
    # still have left their qualnames interned: compile each loaded module's source as well
    for mod in list(sys.modules.values()):
        path = getattr(mod, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as f:
                    walk_code(compile(f.read(), path, "exec"))
            except (OSError, SyntaxError, ValueError):
                pass
    for q in sorted(out):
        sys.stdout.write(json.dumps(q) + "\n")


def class_nest(q):
    """Source defining a class whose qualname is q, or None when q cannot be spelled."""
    parts = q.split(".")
    lines = []
    depth = 0
    for j, part in enumerate(parts):
        if part == "<locals>":
            continue
        if not part.isidentifier() or part in ("None", "True", "False"):
            return None
        if j + 1 < len(parts) and parts[j + 1] == "<locals>":
            lines.append("    " * depth + "def %s():" % part)
        else:
            lines.append("    " * depth + "class %s:" % part)
        depth += 1
    lines.append("    " * depth + "pass")
    return "\n".join(lines) + "\n"


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


def qualprobe(path):
    quals = [json.loads(line) for line in sys.stdin if line.strip()]
    with open(path, "w", encoding="utf-8") as f:
        for q in quals:
            src = class_nest(q)
            if src:
                f.write(src)


if __name__ == "__main__":
    if sys.argv[1] == "candidates":
        candidates(sys.argv[2] if len(sys.argv) > 2 else None)
    elif sys.argv[1] == "qualnames":
        qualnames()
    elif sys.argv[1] == "qualprobe":
        qualprobe(sys.argv[2])
    else:
        probe(sys.argv[2])
