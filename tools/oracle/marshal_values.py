# Oracle helper: for each pyc path on stdin (header size in argv[1]), what this interpreter's own
# marshal.loads gives for every code object (pre-order): name, names, code bytes and constants in
# a canonical type-tagged form. One JSON line per file. Runs under Python 2.7 and every 3.x.
import binascii
import json
import marshal
import struct
import sys
import types

header = int(sys.argv[1])
PY2 = sys.version_info[0] == 2


def hexof(b):
    return binascii.hexlify(b).decode("ascii")


def canon(v):
    if v is None:
        return ["None"]
    if v is Ellipsis:
        return ["Ellipsis"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, types.CodeType):
        return ["code", text(v.co_name)]
    if PY2 and isinstance(v, (int, long)):  # noqa: F821
        return ["int", str(v)]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", hexof(struct.pack("<d", v))]
    if isinstance(v, complex):
        return ["complex", hexof(struct.pack("<d", v.real)), hexof(struct.pack("<d", v.imag))]
    if PY2 and isinstance(v, unicode):  # noqa: F821
        return ["str", v]
    if PY2 and isinstance(v, str):
        return ["bytes", hexof(v)]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, bytes):
        return ["bytes", hexof(v)]
    if isinstance(v, tuple):
        return ["tuple", [canon(x) for x in v]]
    if isinstance(v, frozenset):
        # iteration order is a property of this process's hash table, not of the pyc
        return ["frozenset", sorted(json.dumps(canon(x)) for x in v)]
    return ["other", repr(v)]


def text(s):
    if PY2 and isinstance(s, str):
        return s.decode("latin-1")
    return s


def walk(co):
    yield co
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            for x in walk(c):
                yield x


for line in sys.stdin:
    path = line.rstrip("\n")
    with open(path, "rb") as f:
        co = marshal.loads(f.read()[header:])
    rows = []
    for c in walk(co):
        rows.append([text(c.co_name), [text(n) for n in c.co_names], hexof(c.co_code), [canon(k) for k in c.co_consts]])
    sys.stdout.write(json.dumps({"pyc": path, "codes": rows}) + "\n")
