# Oracle helper: every plain-data fact of this interpreter's `opcode` and `dis` modules, as JSON.
# Runs under Python 2.7 and every 3.x. Output: {"version": "3.11", "opcode": {...}, "dis": {...}}.
import json
import sys

import dis
import opcode


def plain(v, depth=0):
    """v if it is JSON-able plain data (int/str/bool/None and lists, tuples, dicts of them)."""
    if depth > 4:
        raise TypeError
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if sys.version_info[0] == 2 and isinstance(v, (long, unicode)):  # noqa: F821
        return v
    if isinstance(v, (list, tuple)):
        return [plain(x, depth + 1) for x in v]
    if isinstance(v, (set, frozenset)):
        return sorted(plain(x, depth + 1) for x in v)
    if isinstance(v, dict):
        return dict((str(k), plain(x, depth + 1)) for k, x in v.items())
    raise TypeError


def facts(module):
    out = {}
    for name in sorted(dir(module)):
        if name.startswith("__"):
            continue
        try:
            out[name] = plain(getattr(module, name))
        except TypeError:
            pass
    return out


result = {
    "version": "%d.%d" % sys.version_info[:2],
    "opcode": facts(opcode),
    "dis": facts(dis),
}
sys.stdout.write(json.dumps(result, sort_keys=True))
