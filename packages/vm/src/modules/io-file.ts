// Files through the host: _io.FileIO (a descriptor of the host's files), BufferedReader, Writer and
// Random over any raw stream, TextIOWrapper over any binary stream (open() text files,
// TextIOWrapper(BytesIO(...))), and open() with CPython's argument checks and messages.
// The buffered classes pass each call straight to the raw stream (no buffer of their own: the
// same bytes reach the file, only fewer at a time would be cheaper). TextIOWrapper decodes what is
// left of the stream on its first read and keeps that text; a write or a seek drops it.
// CPython counterpart: Modules/_io/_iomodule.c (_io_open_impl), fileio.c, bufferedio.c, textio.c.
import { bufferArg } from '../protocols/buffer.js';
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { False, intFromNumber, PyInt, pyBool, True } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyByteArray, PyBytes } from '../objects/bytes.js';
import { builtinFunction, defMethod, type Kwargs, type PyBuiltin } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { lookupErrorType, stopIterationType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { PyDict } from '../objects/dict.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { asJsIndex } from '../protocols/number.js';
import { repr } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';
import { fspath, hostFiles, osCall, osError, pathText } from './host-files.js';
import { textIOWrapperType } from './io-bases.js';

/** The base types of io-c.ts, handed over when _io is made (they live there). */
interface IOBases {
  rawIOBase: PyType;
  bufferedIOBase: PyType;
  unsupported: () => PyType;
}

let fileIOType: PyType;
let bufferedReaderType: PyType;
let bufferedWriterType: PyType;
let bufferedRandomType: PyType;
let unsupportedType: () => PyType;
let ready = false;

const O_RDONLY = 0;
const O_WRONLY = 1;
const O_RDWR = 2;
const O_CREAT = 64;
const O_EXCL = 128;
const O_TRUNC = 512;
const O_APPEND = 1024;
const O_CLOEXEC = 524288;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const EISDIR = 21;
const DEFAULT_BUFFER_SIZE = 8192;

const call = (o: PyObject, name: string, args: PyObject[] = []) => callObject(getAttr(o, name), args, null);

// ---- FileIO ----

class PyFileIO extends PyObject {
  fd = -1;
  name: PyObject = None;
  readable = false;
  writable = false;
  created = false;
  appending = false;
  closefd = true;
  constructor(type: PyType) {
    super(type);
  }
  get modeString(): string {
    if (this.created) return this.readable ? 'xb+' : 'xb';
    if (this.appending) return this.readable ? 'ab+' : 'ab';
    if (this.readable) return this.writable ? 'rb+' : 'rb';
    return 'wb';
  }
}

function checkOpen(f: PyFileIO): void {
  if (f.fd < 0) raise(valueErrorType, 'I/O operation on closed file');
}

function fileOf(o: PyObject): PyFileIO {
  return o as PyFileIO;
}

/** fileio_init: open `file` (a path or a descriptor) in `mode`. */
function fileIOInit(f: PyFileIO, file: PyObject, mode: string, closefd: boolean, opener: PyObject): void {
  let rwa = false;
  let plus = false;
  let flags = 0;
  for (const c of mode) {
    switch (c) {
      case 'x':
      case 'r':
      case 'w':
      case 'a':
        if (rwa) raise(valueErrorType, 'Must have exactly one of create/read/write/append mode and at most one plus');
        rwa = true;
        if (c === 'x') {
          f.created = f.writable = true;
          flags |= O_EXCL | O_CREAT;
        } else if (c === 'r') f.readable = true;
        else if (c === 'w') {
          f.writable = true;
          flags |= O_CREAT | O_TRUNC;
        } else {
          f.writable = f.appending = true;
          flags |= O_APPEND | O_CREAT;
        }
        break;
      case 'b':
        break;
      case '+':
        if (plus) raise(valueErrorType, 'Must have exactly one of create/read/write/append mode and at most one plus');
        f.readable = f.writable = plus = true;
        break;
      default:
        raise(valueErrorType, `invalid mode: ${mode}`);
    }
  }
  if (!rwa) raise(valueErrorType, 'Must have exactly one of create/read/write/append mode and at most one plus');
  flags |= f.readable && f.writable ? O_RDWR : f.readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;
  if (file instanceof PyInt && !(file instanceof PyStr)) {
    const fd = asJsIndex(file);
    if (fd < 0) raise(valueErrorType, 'negative file descriptor');
    f.fd = fd;
    f.closefd = closefd;
    f.name = file;
  } else {
    if (!closefd) raise(valueErrorType, 'Cannot use closefd=False with file name');
    const name = fspath(file);
    const path = pathText(file, 'open', 'file');
    f.name = name;
    if (opener === None) {
      f.fd = osCall(() => hostFiles('open', name).open(path, flags, 0o666), name);
    } else {
      const fd = call(opener, '__call__', [name, intFromNumber(flags)]);
      if (!(fd instanceof PyInt)) raise(typeErrorType, 'expected integer from opener');
      f.fd = asJsIndex(fd);
      if (f.fd < 0) raise(valueErrorType, `opener returned ${f.fd}`);
    }
    const st = osCall(() => hostFiles('fstat').fstat(f.fd), name);
    if ((st.mode & S_IFMT) === S_IFDIR) {
      hostFiles('close').close(f.fd);
      f.fd = -1;
      throw osError(EISDIR, 'Is a directory', name);
    }
  }
  // append mode starts at the end (fileio_init's lseek)
  if (f.appending) {
    try {
      hostFiles('seek').seek(f.fd, 0, 2);
    } catch {
      /* not seekable */
    }
  }
  (f.dict as PyDict).setStr('name', f.name);
}


/** size arguments: None or a negative int mean "all" */
function sizeArg(o: PyObject | undefined): number {
  return o === undefined || o === None ? -1 : asJsIndex(o);
}

function initFileIO(b: IOBases): void {
  const t = (fileIOType = builtinType('FileIO', b.rawIOBase));
  t.module = '_io';
  t.tpName = '_io.FileIO';
  defMethod(t, '__new__', (a) => {
    const f = new PyFileIO(a[0] as PyType);
    f.dict = new PyDict(); // FileIO keeps `name` in its __dict__, as CPython's
    return f;
  });
  defMethod(t, '__init__', (a, kw) => {
    const f = fileOf(a[0]!);
    const file = a[1] ?? kw?.get('file');
    if (file === undefined) raise(typeErrorType, "FileIO() missing required argument 'file' (pos 1)");
    const mode = a[2] ?? kw?.get('mode') ?? newStr('r');
    if (!(mode instanceof PyStr)) raise(typeErrorType, `FileIO() argument 'mode' must be str, not ${mode.type.name}`);
    const closefd = a[3] ?? kw?.get('closefd') ?? True;
    fileIOInit(f, file, mode.value, isTrue(closefd), a[4] ?? kw?.get('opener') ?? None);
    return None;
  });
  const rd = (f: PyFileIO) => {
    checkOpen(f);
    if (!f.readable) raise(unsupportedType(), 'File not open for reading');
  };
  const wr = (f: PyFileIO) => {
    checkOpen(f);
    if (!f.writable) raise(unsupportedType(), 'File not open for writing');
  };
  defMethod(t, 'read', (a) => {
    const f = fileOf(a[0]!);
    rd(f);
    return new PyBytes(osCall(() => hostFiles('read').read(f.fd, sizeArg(a[1]))));
  });
  defMethod(t, 'readall', (a) => {
    const f = fileOf(a[0]!);
    rd(f);
    return new PyBytes(osCall(() => hostFiles('read').read(f.fd, -1)));
  });
  defMethod(t, 'readinto', (a) => {
    const f = fileOf(a[0]!);
    rd(f);
    const target = a[1];
    if (!(target instanceof PyByteArray)) raise(typeErrorType, `readinto() argument must be read-write bytes-like object, not ${target?.type.name ?? 'NoneType'}`);
    const got = osCall(() => hostFiles('read').read(f.fd, target.data.length));
    for (let i = 0; i < got.length; i++) target.data[i] = got[i]!;
    return intFromNumber(got.length);
  });
  defMethod(t, 'readline', (a) => {
    const f = fileOf(a[0]!);
    rd(f);
    const limit = sizeArg(a[1]);
    const out: number[] = [];
    while (limit < 0 || out.length < limit) {
      const c = osCall(() => hostFiles('read').read(f.fd, 1));
      if (c.length === 0) break;
      out.push(c[0]!);
      if (c[0] === 10) break;
    }
    return new PyBytes(Uint8Array.from(out));
  });
  defMethod(t, 'write', (a) => {
    const f = fileOf(a[0]!);
    wr(f);
    const data = bufferArg(a[1]);
    return intFromNumber(osCall(() => hostFiles('write').write(f.fd, data)));
  });
  defMethod(t, 'seek', (a) => {
    const f = fileOf(a[0]!);
    checkOpen(f);
    const whence = a[2] === undefined ? 0 : asJsIndex(a[2]);
    return intFromNumber(osCall(() => hostFiles('seek').seek(f.fd, asJsIndex(a[1] ?? None), whence as 0 | 1 | 2)));
  });
  defMethod(t, 'tell', (a) => {
    const f = fileOf(a[0]!);
    checkOpen(f);
    return intFromNumber(osCall(() => hostFiles('seek').seek(f.fd, 0, 1)));
  });
  defMethod(t, 'truncate', (a) => {
    const f = fileOf(a[0]!);
    wr(f);
    const size = a[1] === undefined || a[1] === None ? osCall(() => hostFiles('seek').seek(f.fd, 0, 1)) : asJsIndex(a[1]);
    osCall(() => hostFiles('truncate').truncate(f.fd, size));
    return intFromNumber(size);
  });
  defMethod(t, 'close', (a) => {
    const f = fileOf(a[0]!);
    if (f.fd >= 0) {
      const fd = f.fd;
      f.fd = -1;
      if (f.closefd) osCall(() => hostFiles('close').close(fd));
    }
    return None;
  });
  defGetSet(t, 'closed', (o) => pyBool(fileOf(o).fd < 0));
  defGetSet(t, 'closefd', (o) => pyBool(fileOf(o).closefd));
  defGetSet(t, 'mode', (o) => newStr(fileOf(o).modeString));
  defMethod(t, 'fileno', (a) => {
    checkOpen(fileOf(a[0]!));
    return intFromNumber(fileOf(a[0]!).fd);
  });
  defMethod(t, 'isatty', (a) => {
    checkOpen(fileOf(a[0]!));
    return pyBool(hostFiles('isatty').isatty(fileOf(a[0]!).fd));
  });
  defMethod(t, 'readable', (a) => (checkOpen(fileOf(a[0]!)), pyBool(fileOf(a[0]!).readable)));
  defMethod(t, 'writable', (a) => (checkOpen(fileOf(a[0]!)), pyBool(fileOf(a[0]!).writable)));
  defMethod(t, 'seekable', (a) => {
    const f = fileOf(a[0]!);
    checkOpen(f);
    try {
      hostFiles('seek').seek(f.fd, 0, 1);
      return True;
    } catch {
      return False;
    }
  });
  defMethod(t, '__repr__', (a) => {
    const f = fileOf(a[0]!);
    if (f.fd < 0) return newStr('<_io.FileIO [closed]>');
    return newStr(`<_io.FileIO name=${repr(f.name)} mode='${f.modeString}' closefd=${f.closefd ? 'True' : 'False'}>`);
  });
}

// ---- BufferedReader, BufferedWriter, BufferedRandom ----

class PyBuffered extends PyObject {
  raw: PyObject | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

function rawOf(o: PyObject): PyObject {
  const raw = (o as PyBuffered).raw;
  if (raw === null) raise(valueErrorType, 'raw stream has been detached');
  return raw;
}

function initBuffered(b: IOBases): void {
  const make = (name: string) => {
    const t = builtinType(name, b.bufferedIOBase);
    t.module = '_io';
    t.tpName = `_io.${name}`;
    return t;
  };
  bufferedReaderType = make('BufferedReader');
  bufferedWriterType = make('BufferedWriter');
  bufferedRandomType = make('BufferedRandom');
  for (const t of [bufferedReaderType, bufferedWriterType, bufferedRandomType]) {
    const reads = t !== bufferedWriterType;
    const writes = t !== bufferedReaderType;
    defMethod(t, '__new__', (a) => new PyBuffered(a[0] as PyType));
    defMethod(t, '__init__', (a, kw) => {
      const raw = a[1] ?? kw?.get('raw');
      if (raw === undefined) raise(typeErrorType, `${t.name}() missing required argument 'raw' (pos 1)`);
      const size = a[2] ?? kw?.get('buffer_size');
      if (size !== undefined && asJsIndex(size) <= 0) raise(valueErrorType, 'buffer size must be strictly positive');
      if (reads && !isTrue(call(raw, 'readable'))) raise(unsupportedType(), 'File or stream is not readable.');
      if (writes && !isTrue(call(raw, 'writable'))) raise(unsupportedType(), 'File or stream is not writable.');
      (a[0] as PyBuffered).raw = raw;
      return None;
    });
    const pass = (name: string) => defMethod(t, name, (a) => call(rawOf(a[0]!), name, a.slice(1)));
    if (reads) {
      defMethod(t, 'read', (a) => {
        const raw = rawOf(a[0]!);
        const n = sizeArg(a[1]);
        if (a[1] !== undefined && a[1] !== None && n < -1) raise(valueErrorType, 'read length must be non-negative or -1');
        return n < 0 ? call(raw, 'readall') : call(raw, 'read', [intFromNumber(n)]);
      });
      for (const name of ['read1', 'peek']) {
        defMethod(t, name, (a) => {
          const raw = rawOf(a[0]!);
          const n = sizeArg(a[1]);
          if (name === 'peek') {
            // one byte at least, then back where it was
            const pos = call(raw, 'tell');
            const got = call(raw, 'read', [intFromNumber(Math.max(n, 1))]);
            call(raw, 'seek', [pos]);
            return got;
          }
          return n < 0 ? call(raw, 'readall') : call(raw, 'read', [intFromNumber(n)]);
        });
      }
      pass('readinto');
      pass('readline');
    }
    if (writes) pass('write');
    for (const name of ['seek', 'tell', 'truncate', 'fileno', 'isatty', 'readable', 'writable', 'seekable']) pass(name);
    defMethod(t, 'flush', (a) => {
      if (isTrue(getAttr(rawOf(a[0]!), 'closed'))) raise(valueErrorType, 'flush of closed file');
      return None;
    });
    defMethod(t, 'close', (a) => (isTrue(getAttr(rawOf(a[0]!), 'closed')) ? None : call(rawOf(a[0]!), 'close')));
    defMethod(t, 'detach', (a) => {
      const raw = rawOf(a[0]!);
      (a[0] as PyBuffered).raw = null;
      return raw;
    });
    defGetSet(t, 'raw', (o) => rawOf(o));
    defGetSet(t, 'closed', (o) => getAttr(rawOf(o), 'closed'));
    defGetSet(t, 'name', (o) => getAttr(rawOf(o), 'name'));
    defGetSet(t, 'mode', (o) => getAttr(rawOf(o), 'mode'));
    defMethod(t, '__repr__', (a) => {
      const raw = (a[0] as PyBuffered).raw;
      const name = raw === null ? undefined : tryAttr(raw, 'name');
      return newStr(name === undefined ? `<_io.${t.name}>` : `<_io.${t.name} name=${repr(name)}>`);
    });
  }
}

function tryAttr(o: PyObject, name: string): PyObject | undefined {
  try {
    return getAttr(o, name);
  } catch {
    return undefined;
  }
}

// ---- TextIOWrapper ----

class PyTextIOWrapper extends PyObject {
  buffer: PyObject | null = null;
  encoding = 'UTF-8';
  errors = 'strict';
  /** null: universal newlines on input, '\n' written as os.linesep; '' and the others as given */
  newline: string | null = null;
  lineBuffering = false;
  /** the rest of the stream, decoded, from byte position `start`; null until a read */
  text: string | null = null;
  /** `text` before universal newlines folded \r\n and \r (byte positions are measured on it) */
  raw = '';
  pos = 0;
  start = 0;
  constructor(type: PyType) {
    super(type);
  }
}

function textOf(o: PyObject): PyTextIOWrapper {
  // the standard streams derive from TextIOWrapper but have no buffer of their own
  if (!(o instanceof PyTextIOWrapper)) raise(unsupportedType(), `${o.type.name} over the host's standard stream`);
  if (o.buffer === null) raise(valueErrorType, 'underlying buffer has been detached');
  return o;
}

function checkTextOpen(t: PyTextIOWrapper): void {
  if (isTrue(getAttr(t.buffer!, 'closed'))) raise(valueErrorType, 'I/O operation on closed file.');
}

/** The decoded rest of the stream, read and decoded on the first read after a seek or a write. */
function decoded(t: PyTextIOWrapper): string {
  if (t.text === null) {
    checkTextOpen(t);
    if (!isTrue(call(t.buffer!, 'readable'))) raise(unsupportedType(), 'not readable');
    t.start = seekableTell(t.buffer!);
    const bytes = call(t.buffer!, 'read');
    const s = (call(bytes, 'decode', [newStr(t.encoding), newStr(t.errors)]) as PyStr).value;
    t.raw = s;
    t.text = t.newline === null ? s.replace(/\r\n?/g, '\n') : s;
    t.pos = 0;
  }
  return t.text;
}

function seekableTell(buffer: PyObject): number {
  try {
    return asJsIndex(call(buffer, 'tell'));
  } catch {
    return 0;
  }
}

/** Drop the decoded text, putting the stream where the reader has got to. */
function sync(t: PyTextIOWrapper): void {
  if (t.text === null) return;
  const at = t.start + encodedLength(t, t.pos);
  t.text = null;
  call(t.buffer!, 'seek', [intFromNumber(at)]);
}

/** The bytes the first `chars` characters of the decoded text took in the stream. */
function encodedLength(t: PyTextIOWrapper, chars: number): number {
  let i = chars;
  if (t.newline === null) {
    // each \r\n of the stream is one \n of the text
    i = 0;
    for (let k = 0; k < chars && i < t.raw.length; k++) i += t.raw[i] === '\r' && t.raw[i + 1] === '\n' ? 2 : 1;
  }
  if (i === 0) return 0;
  return (call(newStr(t.raw.slice(0, i)), 'encode', [newStr(t.encoding), newStr(t.errors)]) as PyBytes).value.length;
}

/** The end of the line starting at `from` (after its terminator), as the newline mode reads lines. */
function lineEnd(t: PyTextIOWrapper, s: string, from: number): number {
  if (t.newline === null || t.newline === '\n') {
    const i = s.indexOf('\n', from);
    return i < 0 ? s.length : i + 1;
  }
  if (t.newline === '') {
    for (let i = from; i < s.length; i++) {
      if (s[i] === '\n') return i + 1;
      if (s[i] === '\r') return s[i + 1] === '\n' ? i + 2 : i + 1;
    }
    return s.length;
  }
  const i = s.indexOf(t.newline, from);
  return i < 0 ? s.length : i + t.newline.length;
}

function initTextIOWrapper(b: IOBases): void {
  const t = textIOWrapperType;
  defMethod(t, '__new__', (a) => {
    const w = new PyTextIOWrapper(a[0] as PyType);
    w.dict = new PyDict(); // open() sets `mode` there
    return w;
  });
  defMethod(t, '__init__', (a, kw) => {
    const self = a[0] as PyTextIOWrapper;
    const arg = (i: number, name: string) => a[i] ?? kw?.get(name);
    const buffer = arg(1, 'buffer');
    if (buffer === undefined) raise(typeErrorType, "TextIOWrapper() missing required argument 'buffer' (pos 1)");
    const encoding = arg(2, 'encoding') ?? None;
    const errors = arg(3, 'errors') ?? None;
    const newline = arg(4, 'newline') ?? None;
    if (encoding !== None && !(encoding instanceof PyStr)) raise(typeErrorType, `TextIOWrapper() argument 'encoding' must be str or None, not ${encoding.type.name}`);
    if (errors !== None && !(errors instanceof PyStr)) raise(typeErrorType, `TextIOWrapper() argument 'errors' must be str or None, not ${errors.type.name}`);
    if (newline !== None && !(newline instanceof PyStr)) raise(typeErrorType, `TextIOWrapper() argument 'newline' must be str or None, not ${newline.type.name}`);
    const nl = newline === None ? null : (newline as PyStr).value;
    if (nl !== null && !['', '\n', '\r', '\r\n'].includes(nl)) raise(valueErrorType, `illegal newline value: ${nl}`);
    const enc = encoding === None || (encoding as PyStr).value === 'locale' ? 'UTF-8' : (encoding as PyStr).value;
    // an unknown codec is an error now, as _PyCodec_Lookup makes it
    try {
      call(newStr(''), 'encode', [newStr(enc)]);
    } catch {
      raise(lookupErrorType, `unknown encoding: ${enc}`);
    }
    self.buffer = buffer;
    self.encoding = enc;
    self.errors = errors === None ? 'strict' : (errors as PyStr).value;
    self.newline = nl;
    self.lineBuffering = isTrue(arg(5, 'line_buffering') ?? False);
    return None;
  });
  defMethod(t, 'read', (a) => {
    const self = textOf(a[0]!);
    const s = decoded(self);
    const n = sizeArg(a[1]);
    const end = n < 0 ? s.length : Math.min(s.length, self.pos + n);
    const out = s.slice(self.pos, end);
    self.pos = end;
    return newStr(out);
  });
  defMethod(t, 'readline', (a) => {
    const self = textOf(a[0]!);
    const s = decoded(self);
    let end = lineEnd(self, s, self.pos);
    const n = sizeArg(a[1]);
    if (n >= 0) end = Math.min(end, self.pos + n);
    const out = s.slice(self.pos, end);
    self.pos = end;
    return newStr(out);
  });
  defMethod(t, '__next__', (a) => {
    const line = callObject(getAttr(a[0]!, 'readline'), [], null) as PyStr;
    if (line.value === '') raise(stopIterationType, null);
    return line;
  });
  defMethod(t, 'write', (a) => {
    const self = textOf(a[0]!);
    checkTextOpen(self);
    const s = a[1];
    if (!(s instanceof PyStr)) raise(typeErrorType, `write() argument must be str, not ${s?.type.name ?? 'NoneType'}`);
    if (!isTrue(call(self.buffer!, 'writable'))) raise(unsupportedType(), 'not writable');
    sync(self);
    let text = s.value;
    if (self.newline !== null && self.newline !== '' && self.newline !== '\n') text = text.replace(/\n/g, self.newline);
    call(self.buffer!, 'write', [call(newStr(text), 'encode', [newStr(self.encoding), newStr(self.errors)])]);
    if (self.lineBuffering && (text.includes('\n') || text.includes('\r'))) call(self.buffer!, 'flush');
    return intFromNumber(s.length);
  });
  defMethod(t, 'tell', (a) => {
    const self = textOf(a[0]!);
    checkTextOpen(self);
    if (self.text === null) return call(self.buffer!, 'tell');
    return intFromNumber(self.start + encodedLength(self, self.pos));
  });
  defMethod(t, 'seek', (a) => {
    const self = textOf(a[0]!);
    checkTextOpen(self);
    const cookie = a[1] ?? None;
    const whence = a[2] === undefined ? 0 : asJsIndex(a[2]);
    if (whence === 1) {
      if (asJsIndex(cookie) !== 0) raise(unsupportedType(), "can't do nonzero cur-relative seeks");
      return callObject(getAttr(self, 'tell'), [], null);
    }
    if (whence === 2) {
      if (asJsIndex(cookie) !== 0) raise(unsupportedType(), "can't do nonzero end-relative seeks");
      self.text = null;
      return call(self.buffer!, 'seek', [intFromNumber(0), intFromNumber(2)]);
    }
    if (whence !== 0) raise(valueErrorType, `invalid whence (${whence}, should be 0, 1 or 2)`);
    const pos = asJsIndex(cookie);
    if (pos < 0) raise(valueErrorType, `negative seek position ${pos}`);
    self.text = null;
    call(self.buffer!, 'seek', [intFromNumber(pos)]);
    return intFromNumber(pos);
  });
  defMethod(t, 'truncate', (a) => {
    const self = textOf(a[0]!);
    sync(self);
    return call(self.buffer!, 'truncate', a.slice(1));
  });
  defMethod(t, 'flush', (a) => {
    const self = textOf(a[0]!);
    checkTextOpen(self);
    return call(self.buffer!, 'flush');
  });
  defMethod(t, 'close', (a) => {
    const self = textOf(a[0]!);
    if (isTrue(getAttr(self.buffer!, 'closed'))) return None;
    try {
      call(self.buffer!, 'flush');
    } finally {
      call(self.buffer!, 'close');
    }
    return None;
  });
  defMethod(t, 'detach', (a) => {
    const self = textOf(a[0]!);
    const buffer = self.buffer!;
    self.buffer = null;
    return buffer;
  });
  for (const name of ['fileno', 'isatty', 'readable', 'writable', 'seekable']) {
    defMethod(t, name, (a) => call(textOf(a[0]!).buffer!, name));
  }
  defGetSet(t, 'closed', (o) => getAttr(textOf(o).buffer!, 'closed'));
  defGetSet(t, 'name', (o) => getAttr(textOf(o).buffer!, 'name'));
  defGetSet(t, 'buffer', (o) => textOf(o).buffer!);
  defGetSet(t, 'encoding', (o) => newStr((o as PyTextIOWrapper).encoding));
  defGetSet(t, 'errors', (o) => newStr((o as PyTextIOWrapper).errors));
  defGetSet(t, 'line_buffering', (o) => pyBool((o as PyTextIOWrapper).lineBuffering));
  defGetSet(t, 'newlines', () => None);
  defMethod(t, '__repr__', (a) => {
    const self = a[0] as PyTextIOWrapper;
    let out = '<_io.TextIOWrapper';
    const name = self.buffer === null ? undefined : tryAttr(self.buffer, 'name');
    if (name !== undefined) out += ` name=${repr(name)}`;
    const mode = (self.dict as PyDict | null)?.getStr('mode');
    if (mode !== undefined) out += ` mode=${repr(mode)}`;
    return newStr(`${out} encoding=${repr(newStr(self.encoding))}>`);
  });
}

// ---- open() ----

function openImpl(a: PyObject[], kw: Kwargs | null): PyObject {
  const names = ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'];
  const args: (PyObject | undefined)[] = names.map((_, i) => a[i]);
  if (a.length > names.length) raise(typeErrorType, `open() takes at most 8 arguments (${a.length} given)`);
  for (const [k, v] of kw ?? []) {
    const i = names.indexOf(k);
    if (i < 0) raise(typeErrorType, `'${k}' is an invalid keyword argument for open()`);
    if (args[i] !== undefined) raise(typeErrorType, `argument for open() given by name ('${k}') and position (${i + 1})`);
    args[i] = v;
  }
  const [file, modeArg, bufferingArg, encoding, errors, newline, closefdArg, opener] = args;
  if (file === undefined) raise(typeErrorType, "open() missing required argument 'file' (pos 1)");
  const mode = modeArg ?? newStr('r');
  if (!(mode instanceof PyStr)) raise(typeErrorType, `open() argument 'mode' must be str, not ${mode.type.name}`);
  const path = file instanceof PyInt ? file : fspath(file);
  const m = mode.value;
  const modes = new Set(m);
  if ([...modes].some((c) => !'axrwb+t'.includes(c)) || modes.size !== m.length) raise(valueErrorType, `invalid mode: '${m}'`);
  const [creating, reading, writing, appending, updating, text, binary] = ['x', 'r', 'w', 'a', '+', 't', 'b'].map((c) => modes.has(c));
  if (text && binary) raise(valueErrorType, "can't have text and binary mode at once");
  if (Number(creating) + Number(reading) + Number(writing) + Number(appending) > 1) raise(valueErrorType, 'must have exactly one of create/read/write/append mode');
  if (!(creating || reading || writing || appending)) raise(valueErrorType, 'Must have exactly one of create/read/write/append mode and at most one plus');
  const given = (o: PyObject | undefined) => o !== undefined && o !== None;
  if (binary && given(encoding)) raise(valueErrorType, "binary mode doesn't take an encoding argument");
  if (binary && given(errors)) raise(valueErrorType, "binary mode doesn't take an errors argument");
  if (binary && given(newline)) raise(valueErrorType, "binary mode doesn't take a newline argument");
  const rawMode = `${creating ? 'x' : ''}${reading ? 'r' : ''}${writing ? 'w' : ''}${appending ? 'a' : ''}${updating ? '+' : ''}`;
  const raw = callObject(fileIOType, [path, newStr(rawMode), closefdArg ?? True, opener ?? None], null);
  let buffering = bufferingArg === undefined ? -1 : asJsIndex(bufferingArg);
  let lineBuffering = false;
  if (buffering === 1 || (buffering < 0 && isTrue(call(raw, 'isatty')))) {
    buffering = -1;
    lineBuffering = true;
  }
  if (buffering < 0) buffering = DEFAULT_BUFFER_SIZE;
  if (buffering === 0) {
    if (binary) return raw;
    raise(valueErrorType, "can't have unbuffered text I/O");
  }
  const bufferType = updating ? bufferedRandomType : creating || writing || appending ? bufferedWriterType : bufferedReaderType;
  const buffer = callObject(bufferType, [raw, intFromNumber(buffering)], null);
  if (binary) return buffer;
  try {
    const wrapper = callObject(textIOWrapperType, [buffer, encoding ?? None, errors ?? None, newline ?? None, pyBool(lineBuffering)], null);
    (wrapper.dict as PyDict).setStr('mode', mode);
    return wrapper;
  } catch (e) {
    call(buffer, 'close');
    throw e;
  }
}

/** Make the file types (once), as _io is made or open() first runs. */
export function initFileTypes(b: IOBases): void {
  if (ready) return;
  ready = true;
  unsupportedType = b.unsupported;
  initFileIO(b);
  initBuffered(b);
  initTextIOWrapper(b);
}

export function fileTypes(): Record<string, PyType> {
  return { FileIO: fileIOType, BufferedReader: bufferedReaderType, BufferedWriter: bufferedWriterType, BufferedRandom: bufferedRandomType, TextIOWrapper: textIOWrapperType };
}

/** open(): set up by io-c.ts, which supplies the base types. */
export function makeOpen(ensureTypes: () => void): PyBuiltin {
  return builtinFunction('open', (a, kw) => {
    ensureTypes();
    return openImpl(a, kw);
  });
}
