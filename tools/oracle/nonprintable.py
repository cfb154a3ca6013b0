# Oracle helper: the code point ranges this interpreter's str.isprintable() rejects, as JSON
# [[start, end_inclusive], ...]. Used by tools/gen-printable.ts.
import json
import sys

ranges = []
start = None
for cp in range(0x110000):
    bad = not chr(cp).isprintable()
    if bad and start is None:
        start = cp
    elif not bad and start is not None:
        ranges.append([start, cp - 1])
        start = None
if start is not None:
    ranges.append([start, 0x10FFFF])
sys.stdout.write(json.dumps(ranges))
