# CPython 3.11's own AST optimizer (Python/ast_opt.c, _PyAST_Optimize) applied to a parsed tree.
# 3.11 offers no Python-level access to it (ast.parse(optimize=...) came in 3.13), so this calls
# the C functions through ctypes: PyAST_obj2mod -> _PyAST_Optimize -> PyAST_mod2obj. They are
# hidden symbols of libpython, found in its ELF .symtab (the pyenv builds keep it) and relocated by
# the load address of an exported neighbour (_PyArena_New).
#
# Input: one JSON object per stdin line: {"path": FILE} or {"source": TEXT}, plus "optimize"
# (0/1/2, default 0), "mode" (exec/eval/single, default exec), "full" (include the dump).
# Output, one JSON line each: {"sha256", "dump"?} of ast.dump(tree, include_attributes=True,
# indent=1) + "\n"; or {"error": [type, msg]} when parsing or optimizing raises.
# Run with PYTHONHASHSEED=0 so folded frozensets of str/bytes iterate in a reproducible order.
# A frozenset holding None, Ellipsis or a NaN (hashed by address in 3.11) has no reproducible
# order: its items print sorted by repr instead.
import ast, ctypes, ctypes.util, hashlib, json, struct, sys, warnings

CO_FUTURE_ANNOTATIONS = 0x1000000
MODES = {'exec': 0, 'eval': 1, 'single': 2}


def elf_symbols(path, wanted):
    """st_value of each wanted symbol in the .symtab of a 64-bit little-endian ELF file."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'\x7fELF' or data[4] != 2 or data[5] != 1:
        raise RuntimeError(f'{path}: not a 64-bit little-endian ELF file')
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum = struct.unpack_from('<HH', data, 0x3a)
    sections = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize) for i in range(shnum)]
    found = {}
    for (_, sh_type, _, _, off, size, link, _, _, entsize) in sections:
        if sh_type != 2:  # SHT_SYMTAB
            continue
        stroff = sections[link][4]
        for k in range(size // entsize):
            st_name, _, _, _, st_value, _ = struct.unpack_from('<IBBHQQ', data, off + k * entsize)
            end = data.index(b'\0', stroff + st_name)
            name = data[stroff + st_name:end].decode('ascii', 'replace')
            if name in wanted and st_value:
                found[name] = st_value
    missing = set(wanted) - set(found)
    if missing:
        raise RuntimeError(f'{path}: symbols not found: {sorted(missing)}')
    return found


class DlInfo(ctypes.Structure):
    _fields_ = [('dli_fname', ctypes.c_char_p), ('dli_fbase', ctypes.c_void_p),
                ('dli_sname', ctypes.c_char_p), ('dli_saddr', ctypes.c_void_p)]


def load_optimizer():
    api = ctypes.pythonapi
    anchor = ctypes.cast(api._PyArena_New, ctypes.c_void_p).value
    libc = ctypes.CDLL(None)
    info = DlInfo()
    if not libc.dladdr(ctypes.c_void_p(anchor), ctypes.byref(info)):
        raise RuntimeError('dladdr failed')
    path = info.dli_fname.decode()
    if '/' not in path:
        path = sys.executable
    names = ['_PyArena_New', 'PyAST_obj2mod', 'PyAST_mod2obj', '_PyAST_Optimize']
    syms = elf_symbols(path, names)
    bias = anchor - syms['_PyArena_New']
    obj2mod = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.py_object, ctypes.c_void_p, ctypes.c_int)(bias + syms['PyAST_obj2mod'])
    mod2obj = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.c_void_p)(bias + syms['PyAST_mod2obj'])
    optimize = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(bias + syms['_PyAST_Optimize'])
    api._PyArena_New.restype = ctypes.c_void_p
    api._PyArena_Free.argtypes = [ctypes.c_void_p]
    return obj2mod, mod2obj, optimize, api._PyArena_New, api._PyArena_Free


OBJ2MOD, MOD2OBJ, OPTIMIZE, ARENA_NEW, ARENA_FREE = load_optimizer()


class State(ctypes.Structure):
    # _PyASTOptimizeState of 3.11 (pycore_compile.h; `ptype` in gdb over libpython's debug info
    # agrees); the spare ints are slack, _PyAST_Optimize sets the recursion fields itself
    _fields_ = [('optimize', ctypes.c_int), ('ff_features', ctypes.c_int),
                ('recursion_depth', ctypes.c_int), ('recursion_limit', ctypes.c_int),
                ('spare', ctypes.c_int * 8)]


def future_features(tree):
    """future.c's scan: leading `from __future__ import ...` after an optional docstring."""
    ff = 0
    body = getattr(tree, 'body', [])
    if not isinstance(body, list):
        return 0
    start = 1 if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str) else 0
    for s in body[start:]:
        if not (isinstance(s, ast.ImportFrom) and s.module == '__future__'):
            break
        if any(a.name == 'annotations' for a in s.names):
            ff |= CO_FUTURE_ANNOTATIONS
    return ff


def unordered(v):
    if v is None or v is ...:
        return True
    if isinstance(v, (float, complex)):
        return v != v
    return isinstance(v, tuple) and any(map(unordered, v))


class SortedFrozenset(frozenset):
    def __repr__(self):
        return 'frozenset({%s})' % ', '.join(sorted(map(repr, self)))


def sort_unordered_sets(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, frozenset) and any(map(unordered, node.value)):
            node.value = SortedFrozenset(node.value)


def optimized(tree, mode, level):
    arena = ARENA_NEW()
    try:
        mod = OBJ2MOD(tree, arena, MODES[mode])
        state = State(optimize=level, ff_features=future_features(tree))
        if not OPTIMIZE(mod, arena, ctypes.byref(state)):
            raise SystemError('_PyAST_Optimize failed without an exception')
        return MOD2OBJ(mod)
    finally:
        ARENA_FREE(arena)


def main():
    warnings.simplefilter('ignore')
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        mode = req.get('mode', 'exec')
        out = {}
        try:
            if 'path' in req:
                with open(req['path'], 'rb') as f:
                    source = f.read()
            else:
                source = req['source']
            tree = ast.parse(source, req.get('path', '<fixture>'), mode)
            tree = optimized(tree, mode, req.get('optimize', 0))
            sort_unordered_sets(tree)
            text = ast.dump(tree, include_attributes=True, indent=1) + '\n'
            out['sha256'] = hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()
            if req.get('full'):
                out['dump'] = text
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            out['error'] = [type(e).__name__, e.msg if isinstance(e, SyntaxError) else str(e)]
        print(json.dumps(out), flush=True)


main()
