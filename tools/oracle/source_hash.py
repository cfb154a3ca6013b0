# Oracle helper: importlib.util.source_hash of each input. stdin: one input per line, either
# "hex:<bytes as hex>" or "file:<path>"; stdout: the 8-byte hash as hex, one per line.
import importlib.util
import sys

for line in sys.stdin:
    line = line.rstrip("\n")
    kind, _, arg = line.partition(":")
    if kind == "hex":
        data = bytes.fromhex(arg)
    else:
        with open(arg, "rb") as f:
            data = f.read()
    sys.stdout.write(importlib.util.source_hash(data).hex() + "\n")
