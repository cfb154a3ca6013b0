// The _io module Lib/io.py re-exports: the I/O base classes, StringIO and BytesIO in memory, and
// the file classes and open() of io-file.ts (over the host's files; a host without them answers
// with OSError). CPython counterpart: Modules/_io/ (iobase.c, stringio.c, bytesio.c,
// _iomodule.c).
import { raise, PyError, newException } from '../errors.js';
import { builtinType, None, PyObject, type PyType } from '../objects/object.js';
import { False, intFromNumber, pyBool, True } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyByteArray, PyBytes } from '../objects/bytes.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs, type PyBuiltin } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { notImplementedErrorType, osErrorType, stopIterationType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { bufferedIOBaseType, ioBaseType, ioType, rawIOBaseType, textIOBaseType } from './io-bases.js';
import { asIndex } from '../protocols/number.js';
import { callObject } from '../protocols/call.js';
import { getAttr, getAttrOpt } from '../protocols/getattr.js';
import { getIter, iterNext } from '../protocols/iter.js';
import { isTrue } from '../protocols/truth.js';
import { len } from '../protocols/sequence.js';
import { sysModules } from './registry.js';
import { PyMemoryView } from '../objects/memoryview.js';
import { fileTypes, initFileTypes, makeOpen } from './io-file.js';

const stringIOType = ioType('StringIO', textIOBaseType);
const bytesIOType = ioType('BytesIO', bufferedIOBaseType);
/** classes io.py registers that the VM does not make */
const ABSENT_CLASSES = ['BufferedRWPair', 'IncrementalNewlineDecoder'];

let unsupported: PyType | null = null;
/** io.UnsupportedOperation(OSError, ValueError) */
function unsupportedOperation(): PyType {
  if (unsupported === null) {
    const ns = new PyDict();
    ns.setStr('__module__', newStr('io'));
    unsupported = typeNew(osErrorType.type, 'UnsupportedOperation', [osErrorType, valueErrorType], ns, null);
  }
  return unsupported;
}


/** The file types of io-file.ts, made over this module's base classes on first use. */
function ensureFileTypes(): void {
  initFileTypes({ rawIOBase: rawIOBaseType, bufferedIOBase: bufferedIOBaseType, unsupported: unsupportedOperation });
}

/** The open() of builtins and io (io-file.ts). */
export const openBuiltin: PyBuiltin = makeOpen(ensureFileTypes);

// _IOBase: closed state kept in the instance, as iobase.c keeps __IOBase_closed
const CLOSED = '__IOBase_closed';
function isClosed(o: PyObject): boolean {
  const v = getAttrOpt(o, 'closed');
  return v !== undefined && isTrue(v);
}
function checkClosed(o: PyObject): void {
  if (isClosed(o)) raise(valueErrorType, 'I/O operation on closed file.');
}
function unsupportedOp(what: string): never {
  raise(unsupportedOperation(), what);
}

function initIOBase(): void {
  const t = ioBaseType;
  defMethod(t, 'close', (a) => {
    const o = a[0]!;
    if (!isClosed(o)) {
      try {
        callObject(getAttr(o, 'flush'), [], null);
      } finally {
        if (o.dict instanceof PyDict) o.dict.setStr(CLOSED, True);
      }
    }
    return None;
  });
  defGetSet(t, 'closed', (o) => pyBool(o.dict instanceof PyDict && o.dict.getStr(CLOSED) === True));
  defMethod(t, 'flush', (a) => {
    checkClosed(a[0]!);
    return None;
  });
  for (const n of ['readable', 'writable', 'seekable', 'isatty']) defMethod(t, n, () => False);
  defMethod(t, 'fileno', () => unsupportedOp('fileno'));
  defMethod(t, 'seek', () => unsupportedOp('seek'));
  defMethod(t, 'truncate', () => unsupportedOp('truncate'));
  defMethod(t, 'tell', (a) => callObject(getAttr(a[0]!, 'seek'), [intFromNumber(0), intFromNumber(1)], null));
  defMethod(t, '__enter__', (a) => {
    checkClosed(a[0]!);
    return a[0]!;
  });
  defMethod(t, '__exit__', (a) => callObject(getAttr(a[0]!, 'close'), [], null));
  defMethod(t, '__iter__', (a) => {
    checkClosed(a[0]!);
    return a[0]!;
  });
  defMethod(t, '__next__', (a) => {
    const line = callObject(getAttr(a[0]!, 'readline'), [], null);
    if (!isTrue(line)) raise(stopIterationType, null);
    return line;
  });
  defMethod(t, 'readlines', (a) => {
    const hint = a[1] === undefined || a[1] === None ? -1 : Number(asIndex(a[1]));
    const out: PyObject[] = [];
    let total = 0;
    const it = getIter(a[0]!);
    for (let line = iterNext(it); line !== null; line = iterNext(it)) {
      out.push(line);
      total += len(line);
      if (hint > 0 && total >= hint) break;
    }
    return new PyList(out);
  });
  defMethod(t, 'writelines', (a) => {
    checkClosed(a[0]!);
    const write = getAttr(a[0]!, 'write');
    const it = getIter(a[1]!);
    for (let line = iterNext(it); line !== null; line = iterNext(it)) callObject(write, [line], null);
    return None;
  });
  defMethod(t, '_checkClosed', (a) => {
    checkClosed(a[0]!);
    return None;
  });
  for (const [n, what] of [['_checkReadable', 'readable'], ['_checkWritable', 'writable'], ['_checkSeekable', 'seekable']] as const) {
    defMethod(t, n, (a) => {
      if (!isTrue(callObject(getAttr(a[0]!, what), [], null))) unsupportedOp(`File or stream is not ${what}.`);
      return None;
    });
  }
  defMethod(textIOBaseType, 'detach', () => unsupportedOp('detach'));
  defMethod(textIOBaseType, 'read', () => unsupportedOp('read'));
  defMethod(textIOBaseType, 'readline', () => unsupportedOp('readline'));
  defMethod(textIOBaseType, 'write', () => unsupportedOp('write'));
  for (const n of ['encoding', 'newlines', 'errors']) defGetSet(textIOBaseType, n, () => None);
  for (const n of ['detach', 'read', 'read1', 'readinto', 'write']) defMethod(bufferedIOBaseType, n, () => unsupportedOp(n));
}

/** An in-memory stream: StringIO (text as code units of a JS string) or BytesIO. */
class PyStringIO extends PyObject {
  buf = '';
  pos = 0;
  closed = false;
  constructor(type: PyType) {
    super(type);
  }
}

class PyBytesIO extends PyObject {
  buf: number[] = [];
  pos = 0;
  closed = false;
  constructor(type: PyType) {
    super(type);
  }
}

function sizeArg(o: PyObject | undefined): number {
  return o === undefined || o === None ? -1 : Number(asIndex(o));
}

/**
 * The span read(n) (newlineAt null) or readline(n) takes from an in-memory stream of `length`
 * units at its position, which moves past it; nothing past the end (the position stays).
 */
function take(s: { pos: number }, length: number, n: number, newlineAt: ((from: number) => number) | null): [number, number] {
  const start = s.pos;
  if (start >= length) return [start, start];
  let end = n < 0 ? length : Math.min(length, start + n);
  const nl = newlineAt === null ? -1 : newlineAt(start);
  if (nl >= 0 && nl + 1 < end) end = nl + 1;
  s.pos = end;
  return [start, end];
}

function openStream<T extends PyStringIO | PyBytesIO>(o: PyObject): T {
  const s = o as T;
  if (s.closed) raise(valueErrorType, 'I/O operation on closed file');
  return s;
}

/** seek(pos, whence) of an in-memory stream of length n (CPython's rules for StringIO/BytesIO) */
function seekTo(s: PyStringIO | PyBytesIO, a: PyObject[], n: number, text: boolean): PyObject {
  const pos = Number(asIndex(a[1] ?? intFromNumber(0)));
  const whence = a[2] === undefined ? 0 : Number(asIndex(a[2]));
  if (whence < 0 || whence > 2) raise(valueErrorType, `Invalid whence (${whence}, should be 0, 1 or 2)`);
  if (text && whence !== 0 && pos !== 0) raise(osErrorType, "Can't do nonzero cur-relative seeks");
  if (whence === 0 && pos < 0) raise(valueErrorType, `Negative seek position ${pos}`);
  s.pos = whence === 0 ? pos : whence === 1 ? Math.max(0, s.pos + pos) : Math.max(0, n + pos);
  return intFromNumber(s.pos);
}

function initStringIO(): void {
  const t = stringIOType;
  const so = (o: PyObject) => openStream<PyStringIO>(o);
  defMethod(t, '__new__', (a) => new PyStringIO(a[0] as PyType));
  defMethod(t, '__init__', (a, kw) => {
    const s = a[0] as PyStringIO;
    const init = a[1] ?? kw?.get('initial_value');
    if (init !== undefined && init !== None && !(init instanceof PyStr)) raise(typeErrorType, `initial_value must be str or None, not ${init.type.name}`);
    s.buf = init instanceof PyStr ? init.value : '';
    s.pos = 0;
    return None;
  });
  defMethod(t, 'write', (a) => {
    const s = so(a[0]!);
    const v = a[1];
    if (!(v instanceof PyStr)) raise(typeErrorType, `string argument expected, got '${v?.type.name}'`);
    if (s.pos > s.buf.length) s.buf += '\0'.repeat(s.pos - s.buf.length);
    s.buf = s.buf.slice(0, s.pos) + v.value + s.buf.slice(s.pos + v.value.length);
    s.pos += v.value.length;
    return intFromNumber([...v.value].length);
  });
  defMethod(t, 'read', (a) => {
    const s = so(a[0]!);
    return newStr(s.buf.slice(...take(s, s.buf.length, sizeArg(a[1]), null)));
  });
  defMethod(t, 'readline', (a) => {
    const s = so(a[0]!);
    return newStr(s.buf.slice(...take(s, s.buf.length, sizeArg(a[1]), (from) => s.buf.indexOf('\n', from))));
  });
  defMethod(t, 'getvalue', (a) => newStr(so(a[0]!).buf));
  defMethod(t, 'tell', (a) => intFromNumber(so(a[0]!).pos));
  defMethod(t, 'seek', (a) => seekTo(so(a[0]!), a, so(a[0]!).buf.length, true));
  defMethod(t, 'truncate', (a) => {
    const s = so(a[0]!);
    const n = a[1] === undefined || a[1] === None ? s.pos : Number(asIndex(a[1]));
    if (n < 0) raise(valueErrorType, `Negative size value ${n}`);
    s.buf = s.buf.slice(0, n);
    return intFromNumber(n);
  });
  defMethod(t, 'close', (a) => {
    (a[0] as PyStringIO).closed = true;
    return None;
  });
  defGetSet(t, 'closed', (o) => pyBool((o as PyStringIO).closed));
  defGetSet(t, 'line_buffering', () => False);
  for (const n of ['readable', 'writable', 'seekable']) defMethod(t, n, (a) => (so(a[0]!), True));
  defMethod(t, '__next__', (a) => {
    const line = callObject(getAttr(a[0]!, 'readline'), [], null);
    if (!isTrue(line)) raise(stopIterationType, null);
    return line;
  });
}

function bytesArg(o: PyObject | undefined): number[] {
  if (o instanceof PyBytes || o instanceof PyByteArray) return Array.from(o.value);
  if (o instanceof PyMemoryView) return Array.from(o.bytes);
  raise(typeErrorType, `a bytes-like object is required, not '${o?.type.name ?? 'NoneType'}'`);
}

function initBytesIO(): void {
  const t = bytesIOType;
  const bo = (o: PyObject) => openStream<PyBytesIO>(o);
  const bytes = (xs: number[]) => new PyBytes(Uint8Array.from(xs));
  defMethod(t, '__new__', (a) => new PyBytesIO(a[0] as PyType));
  defMethod(t, '__init__', (a, kw) => {
    const s = a[0] as PyBytesIO;
    const init = a[1] ?? kw?.get('initial_bytes');
    s.buf = init === undefined || init === None ? [] : bytesArg(init);
    s.pos = 0;
    return None;
  });
  defMethod(t, 'write', (a) => {
    const s = bo(a[0]!);
    const v = bytesArg(a[1]);
    while (s.buf.length < s.pos) s.buf.push(0);
    s.buf.splice(s.pos, v.length, ...v);
    s.pos += v.length;
    return intFromNumber(v.length);
  });
  const read = (a: PyObject[]) => {
    const s = bo(a[0]!);
    return bytes(s.buf.slice(...take(s, s.buf.length, sizeArg(a[1]), null)));
  };
  defMethod(t, 'read', read);
  defMethod(t, 'read1', read);
  // _io_BytesIO_readinto_impl: as many bytes as the buffer holds, from the position (pickle's
  // unframer reads bytearrays so)
  const readinto = (a: PyObject[]) => {
    const s = bo(a[0]!);
    const target = a[1];
    if (!(target instanceof PyByteArray)) raise(typeErrorType, `readinto() argument must be read-write bytes-like object, not ${target?.type.name ?? 'NoneType'}`);
    const [from, to] = take(s, s.buf.length, target.data.length, null);
    for (let i = from; i < to; i++) target.data[i - from] = s.buf[i]!;
    return intFromNumber(to - from);
  };
  defMethod(t, 'readinto', readinto);
  defMethod(t, 'readinto1', readinto);
  defMethod(t, 'readline', (a) => {
    const s = bo(a[0]!);
    return bytes(s.buf.slice(...take(s, s.buf.length, sizeArg(a[1]), (from) => s.buf.indexOf(10, from))));
  });
  defMethod(t, 'getvalue', (a) => bytes(bo(a[0]!).buf));
  // a memoryview of the contents as they are now (CPython's is a live view; pickle only reads it)
  defMethod(t, 'getbuffer', (a) => new PyMemoryView(bytes(bo(a[0]!).buf) as PyBytes));
  defMethod(t, 'tell', (a) => intFromNumber(bo(a[0]!).pos));
  defMethod(t, 'seek', (a) => seekTo(bo(a[0]!), a, bo(a[0]!).buf.length, false));
  defMethod(t, 'truncate', (a) => {
    const s = bo(a[0]!);
    const n = a[1] === undefined || a[1] === None ? s.pos : Number(asIndex(a[1]));
    if (n < 0) raise(valueErrorType, `negative size value ${n}`);
    s.buf.length = Math.min(s.buf.length, n);
    return intFromNumber(n);
  });
  defMethod(t, 'close', (a) => {
    (a[0] as PyBytesIO).closed = true;
    return None;
  });
  defGetSet(t, 'closed', (o) => pyBool((o as PyBytesIO).closed));
  for (const n of ['readable', 'writable', 'seekable']) defMethod(t, n, (a) => (bo(a[0]!), True));
  defMethod(t, '__next__', (a) => {
    const line = callObject(getAttr(a[0]!, 'readline'), [], null);
    if (!isTrue(line)) raise(stopIterationType, null);
    return line;
  });
}

let initialized = false;

export function makeIOC(): PyModule {
  if (!initialized) {
    initialized = true;
    initIOBase();
    initStringIO();
    initBytesIO();
  }
  const m = new PyModule('_io');
  const d = m.dict;
  for (const t of [ioBaseType, rawIOBaseType, bufferedIOBaseType, textIOBaseType, stringIOType, bytesIOType]) d.setStr(t.name, t);
  for (const name of ABSENT_CLASSES) {
    const t = ioType(name, name === 'IncrementalNewlineDecoder' ? undefined : bufferedIOBaseType);
    defMethod(t, '__new__', () => raise(notImplementedErrorType, `tspyc: _io.${name} is not implemented`));
    d.setStr(name, t);
  }
  ensureFileTypes();
  for (const [name, t] of Object.entries(fileTypes())) d.setStr(name, t);
  d.setStr('DEFAULT_BUFFER_SIZE', intFromNumber(8192));
  d.setStr('UnsupportedOperation', unsupportedOperation());
  d.setStr('BlockingIOError', (sysModules().getStr('builtins') as PyModule).dict.getStr('BlockingIOError')!);
  d.setStr('open', openBuiltin);
  d.setStr('open_code', builtinFunction('open_code', (a) => callObject(openBuiltin, [a[0] ?? None, newStr('rb')], null)));
  d.setStr(
    'text_encoding',
    builtinFunction('text_encoding', (a: PyObject[], kw: Kwargs | null) => {
      const e = a[0] ?? kw?.get('encoding') ?? None;
      return e === None ? newStr('locale') : e;
    }),
  );
  return m;
}
