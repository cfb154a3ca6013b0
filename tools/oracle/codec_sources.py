# Sources with a PEP 263 coding cookie for every single-byte charmap codec of the encodings package
# (a module with a 256-character decoding_table), built from what the codec itself decodes:
#   literal:   `s = '<every defined byte>'` (but those decoding to \n, \r, ', \\ or NUL)
#   comment:   `# <every defined byte>` (but \n, \r, NUL)
#   undefined: one case per byte the codec leaves undefined, inside a literal
#   alias:     the literal case under each alias of the codec in encodings.aliases
#   syntax:    non-ASCII identifiers (NFKC-normalised ones too) and errors after non-ASCII text:
#              an invalid character, an unterminated string, an unclosed bracket
#   name:      the names given as arguments (unknown codecs, spellings, other kinds)
# One JSON line per case: {"case", "source" (latin-1 text standing for the bytes), "compile":
# base64 of marshal.dumps(compile(source, 'f.py', 'exec')) as py_compile writes it or [type, msg, lineno, offset,
# end_lineno, end_offset], "tokenize": [[type, string, start, end, line]...] or [exc type, str(exc)]}.
import base64, codecs, unicodedata, encodings, encodings.aliases, importlib, io, json, marshal, pkgutil, sys, tokenize, warnings

warnings.simplefilter('ignore')


def compiled(src):
    try:
        code = compile(src, 'f.py', 'exec', dont_inherit=True)  # held by a name, as py_compile holds it
        return base64.b64encode(marshal.dumps(code)).decode('ascii')
    except SyntaxError as e:
        return [type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset]


def tokenized(src):
    try:
        return [[t.type, t.string, list(t.start), list(t.end), t.line] for t in tokenize.tokenize(io.BytesIO(src).readline)]
    except Exception as e:
        return [type(e).__name__, str(e)]


def emit(case, src):
    print(json.dumps({'case': case, 'source': src.decode('latin-1'), 'compile': compiled(src), 'tokenize': tokenized(src)}))


def decoded(codec, b):
    try:
        return bytes([b]).decode(codec)
    except UnicodeDecodeError:
        return None


def literal_source(cookie, codec, defined):
    body = bytes(b for b, c in defined if c not in "\n\r'\\\0")
    return b'# -*- coding: ' + cookie.encode() + b' -*-\n' + "s = '".encode(codec) + body + "'\n".encode(codec)


charmaps = []
for info in sorted(pkgutil.iter_modules(encodings.__path__), key=lambda m: m.name):
    try:
        mod = importlib.import_module('encodings.' + info.name)
    except ImportError:
        continue
    table = getattr(mod, 'decoding_table', None)
    if hasattr(mod, 'getregentry') and isinstance(table, str) and len(table) == 256:
        charmaps.append(info.name)

for codec in charmaps:
    defined = [(b, decoded(codec, b)) for b in range(256) if decoded(codec, b) is not None]
    emit(f'{codec} literal', literal_source(codec, codec, defined))
    body = bytes(b for b, c in defined if c not in '\n\r\0')
    emit(f'{codec} comment', b'# coding: ' + codec.encode() + b'\n' + '# '.encode(codec) + body + '\nx = 1\n'.encode(codec))
    for b in range(256):
        if decoded(codec, b) is None:
            emit(f'{codec} undefined 0x{b:02x}', b'# coding: ' + codec.encode() + b"\ns = 'a" + bytes([b]) + b"'\n")
    high = [(b, c) for b, c in defined if b >= 0x80]
    cookie = b'# coding: ' + codec.encode() + b'\n'
    for b, c in [x for x in high if x[1].isidentifier()][:2] + [x for x in high if unicodedata.normalize('NFKC', x[1]) != x[1] and x[1].isidentifier()][:1]:
        emit(f'{codec} syntax identifier 0x{b:02x}', cookie + bytes([b]) + b' = 1\nprint(' + bytes([b]) + b')\n')
    for b, c in [x for x in high if not ('_' + x[1]).isidentifier() and x[1].isprintable()][:2]:
        emit(f'{codec} syntax invalid 0x{b:02x}', cookie + b'x = ' + bytes(h for h, _ in high[:3]) + b' ' + bytes([b]) + b'\n')
    if high:
        emit(f'{codec} syntax unterminated', cookie + b"s = '" + bytes(h for h, _ in high[:5]) + b'\n')
        emit(f'{codec} syntax unclosed', cookie + b"s = ('" + bytes(h for h, _ in high[:5]) + b"',\n")
    for alias in sorted(a for a, m in encodings.aliases.aliases.items() if m == codec):
        emit(f'{codec} alias {alias}', literal_source(alias, codec, defined))

for name in sys.argv[1:]:
    emit(f'name {name}', b'# coding: ' + name.encode() + b'\nx = 1\n')
