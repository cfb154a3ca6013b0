# Oracle helper: dis.dis() of the code object in each pyc path read from stdin (header size in
# argv[1]). One JSON line per file: {"pyc": path, "text": ...}. Code object addresses vary per
# process, so a code object's " at 0x…" becomes " at 0x?" (tspyc's tests print that address).
import dis
import io
import json
import marshal
import re
import sys

header = int(sys.argv[1])
address = re.compile(r"(<code object [^\n]*?) at 0x[0-9a-f]+(, file \")")

for line in sys.stdin:
    path = line.rstrip("\n")
    with open(path, "rb") as f:
        co = marshal.loads(f.read()[header:])
    buf = io.StringIO()
    dis.dis(co, file=buf)
    sys.stdout.write(json.dumps({"pyc": path, "text": address.sub(r"\1 at 0x?\2", buf.getvalue())}) + "\n")
