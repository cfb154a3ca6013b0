# Oracle helper: `python -m tokenize [-e] FILE` for each path on stdin, run in-process through
# tokenize's own main() with argv, stdout and stderr redirected. One JSON line per file:
# {"path": ..., "stdout": ..., "stderr": ..., "status": exit status}. argv[1] is "-e" or "".
import io
import json
import sys
import tokenize

exact = sys.argv[1] == "-e"
real_stdout = sys.stdout
for line in sys.stdin:
    path = line.rstrip("\n")
    out, err = io.StringIO(), io.StringIO()
    sys.argv = ["tokenize"] + (["-e"] if exact else []) + [path]
    sys.stdout, sys.stderr = out, err
    status = 0
    try:
        tokenize.main()
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 1
    except BaseException as e:  # main() re-raises unexpected errors after printing them
        status = 1
        err.write("<traceback>\n")
    finally:
        sys.stdout, sys.stderr = real_stdout, sys.__stderr__
    real_stdout.write(json.dumps({"path": path, "stdout": out.getvalue(), "stderr": err.getvalue(), "status": status}) + "\n")
