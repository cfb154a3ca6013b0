# Oracle helper: for each pyc path on stdin (header size in argv[1]), SHA-1 digests of the repr of
# co_positions(), co_lines(), the exception table (dis._parse_exception_table) and
# dis.findlinestarts(), for every code object in pre-order. One JSON line per file.
# Runs under Python 2.7 and every 3.x (what a version lacks is reported as null).
import dis
import hashlib
import json
import marshal
import sys
import types

header = int(sys.argv[1])


def digest(value):
    return hashlib.sha1(repr(value).encode("utf-8")).hexdigest()


def walk(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            for x in walk(c):
                yield x


for line in sys.stdin:
    path = line.rstrip("\n")
    with open(path, "rb") as f:
        data = f.read()
    co = marshal.loads(data[header:])
    rows = []
    for c in walk(co):
        positions = digest(list(c.co_positions())) if hasattr(c, "co_positions") else None
        lines = digest(list(c.co_lines())) if hasattr(c, "co_lines") else None
        if hasattr(dis, "_parse_exception_table") and hasattr(c, "co_exceptiontable"):
            exc = digest([(e.start, e.end, e.target, e.depth, e.lasti) for e in dis._parse_exception_table(c)])
        else:
            exc = None
        starts = digest(list(dis.findlinestarts(c)))
        rows.append([positions, lines, exc, starts])
    sys.stdout.write(json.dumps({"pyc": path, "codes": rows}) + "\n")
