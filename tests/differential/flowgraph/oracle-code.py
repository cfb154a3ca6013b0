# For each source on stdin (a JSON list), the code object named by the matching argument:
# what the flow-graph test compares against.
import json, sys
def find(co, name):
    if co.co_name == name:
        return co
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            r = find(c, name)
            if r is not None:
                return r
    return None
out = []
for src, name in zip(json.load(sys.stdin), sys.argv[1:]):
    co = find(compile(src, '<flowgraph>', 'exec'), name)
    out.append({
        'code': co.co_code.hex(),
        'linetable': co.co_linetable.hex(),
        'exceptiontable': co.co_exceptiontable.hex(),
        'stacksize': co.co_stacksize,
        'consts': len(co.co_consts),
        'firstlineno': co.co_firstlineno,
        'nlocalsplus': co.co_nlocals + len(co.co_cellvars) + len(co.co_freevars) - len(set(co.co_cellvars) & set(co.co_varnames)),
    })
print(json.dumps(out))
