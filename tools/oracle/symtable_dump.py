# For each file path on stdin (one a line), or with --sections FILE..., each "#### name" section of
# those files: build python3.11's symbol table (_symtable.symtable(source_bytes, path, 'exec'), what
# symtable.symtable() wraps) and print one JSON line:
#   {"path" | "name", "table": TABLE}  or  {"path" | "name", "error": [type, msg, lineno, offset,
#                                                                     end_lineno, end_offset]}
# TABLE = [type, name, lineno, nested, varnames, symbols, children]: the raw entry fields
# (type is _Py_block_ty: 0 function, 1 class, 2 module), symbols = [[name, raw flags], ...]
# sorted by name (the raw flags hold the scope at bit SCOPE_OFF, as _PyST_GetSymbol returns them),
# children = [TABLE, ...] in order. is_optimized / is_nested / has_children of symtable.py follow
# from these (type == 0, nested, len(children) > 0).
#
# With --code, per file instead: what the compiler made of the table, for the block facts the
# symtable module doesn't show (generator, coroutine, nested, varargs, cells, free variables, the
# implicit __class__ cell): every code object of compile(source, path, 'exec', dont_inherit=True)
# as [co_name, co_firstlineno, co_flags & CODE_FLAGS, sorted(co_cellvars), sorted(co_freevars)],
# {"path", "code": [RECORD, ...]}, or {"path", "error": ...} when compile() rejects the file.
import _symtable, json, sys, warnings

warnings.simplefilter('ignore')


def table(ste):
    symbols = sorted(ste.symbols.items())
    return [ste.type, ste.name, ste.lineno, ste.nested, list(ste.varnames),
            [[k, v] for k, v in symbols], [table(c) for c in ste.children]]


def mode_of(name):
    # a section whose name holds [eval] or [single] is built in that mode, the others as 'exec'
    return 'eval' if '[eval]' in name else 'single' if '[single]' in name else 'exec'


def run(key, value, source, filename, mode='exec'):
    try:
        top = _symtable.symtable(source, filename, mode)
        out = {key: value, 'table': table(top)}
    except SyntaxError as e:
        out = {key: value, 'error': [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]}
    except (ValueError, RecursionError, MemoryError) as e:
        out = {key: value, 'error': [type(e).__name__, str(e), None, None, None, None]}
    sys.stdout.write(json.dumps(out) + '\n')


# CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS | CO_VARKEYWORDS | CO_NESTED | CO_GENERATOR |
# CO_COROUTINE | CO_ASYNC_GENERATOR
CODE_FLAGS = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x80 | 0x200


def code_records(co, out):
    out.append([co.co_name, co.co_firstlineno, co.co_flags & CODE_FLAGS, sorted(co.co_cellvars), sorted(co.co_freevars)])
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            code_records(c, out)
    return out


def run_code(path, source, filename=None, mode='exec'):
    try:
        out = {'path': path, 'code': code_records(compile(source, filename or path, mode, dont_inherit=True, optimize=0), [])}
    except SyntaxError as e:
        out = {'path': path, 'error': [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]}
    except (ValueError, RecursionError, MemoryError) as e:
        out = {'path': path, 'error': [type(e).__name__, str(e), None, None, None, None]}
    sys.stdout.write(json.dumps(out) + '\n')


if len(sys.argv) > 1 and sys.argv[1] == '--code':
    for line in sys.stdin:
        path = line.rstrip('\n')
        if path:
            with open(path, 'rb') as f:
                run_code(path, f.read())
elif len(sys.argv) > 1 and sys.argv[1] == '--sections':
    # --sections [--code] FILE...: with --code, each section's table line is followed by its code line
    for path in [a for a in sys.argv[2:] if a != '--code']:
        with open(path, 'rb') as f:
            data = f.read()
        for chunk in data.split(b'#### ')[1:]:
            name, _, source = chunk.partition(b'\n')
            run('name', name.decode(), source, '<case>', mode_of(name.decode()))
            if '--code' in sys.argv:
                run_code(name.decode(), source, '<case>', mode_of(name.decode()))
else:
    for line in sys.stdin:
        path = line.rstrip('\n')
        if not path:
            continue
        with open(path, 'rb') as f:
            source = f.read()
        run('path', path, source, path)
