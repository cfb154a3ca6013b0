// print(), input(), and the stdout/stderr objects sys exposes, all through the host.
// CPython counterpart: Python/bltinmodule.c (builtin_print), Modules/_io/textio.c (write).
import { PyError, raise } from '../errors.js';
import { HostOSError } from '../host.js';
import { builtinType, None, PyObject, type PyType } from '../objects/object.js';
import { defGetSet } from '../objects/descr.js';
import { textIOWrapperType } from '../modules/io-bases.js';
import { PyStr, newStr } from '../objects/str.js';
import { builtinFunction, defMethod, type PyBuiltin } from '../objects/native.js';
import { eofErrorType, osErrorType, stopIterationType, typeErrorType } from '../objects/exception-types.js';
import { PyList } from '../objects/list.js';
import { str } from '../protocols/repr.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { isTrue } from '../protocols/truth.js';
import { intFromNumber, False, pyBool } from '../objects/int.js';
import { ts } from '../eval/state.js';

// sys.stdout and sys.stderr: a TextIOWrapper over the host's output (io-bases.ts's, whose file methods
// these override)
export const textIOType = builtinType('TextIOWrapper', textIOWrapperType);
textIOType.module = '_io';

export class PyHostStream extends PyObject {
  readonly fd: 1 | 2;
  constructor(fd: 1 | 2) {
    super(textIOType);
    this.fd = fd;
  }
  write(s: string): void {
    try {
      if (this.fd === 1) ts.host.writeStdout(s);
      else ts.host.writeStderr(s);
    } catch (err) {
      if (!(err instanceof HostOSError)) throw err;
      throw new PyError(callObject(osErrorType, [intFromNumber(err.errno), newStr(err.strerror)], null));
    }
  }
}

/** sys.stdin: lines from the host. */
export const stdinType = builtinType('TextIOWrapper', textIOWrapperType);
stdinType.module = '_io';

export class PyHostInput extends PyObject {
  constructor() {
    super(stdinType);
  }
}

function readAll(): string {
  let out = '';
  for (let line = ts.host.readLine?.() ?? ''; line !== ''; line = ts.host.readLine?.() ?? '') out += line;
  return out;
}

export function initIO(): void {
  defMethod(stdinType, 'readline', () => newStr(ts.host.readLine?.() ?? ''));
  defMethod(stdinType, 'read', () => newStr(readAll()));
  defMethod(stdinType, 'readlines', () => new PyList(readAll().split(/(?<=\n)/).filter((l) => l !== '').map(newStr)));
  defMethod(stdinType, '__iter__', (a) => a[0]!);
  defMethod(stdinType, '__next__', () => {
    const line = ts.host.readLine?.() ?? '';
    if (line === '') raise(stopIterationType, null);
    return newStr(line);
  });
  defMethod(stdinType, 'isatty', () => False);
  defMethod(textIOType, 'write', (a) => {
    const s = a[1];
    if (!(s instanceof PyStr)) raise(typeErrorType, `write() argument must be str, not ${s?.type.name}`);
    (a[0] as PyHostStream).write(s.value);
    return intFromNumber(s.length);
  });
  defMethod(textIOType, 'flush', () => None);
  defMethod(textIOType, 'isatty', () => False);
  defMethod(textIOType, 'fileno', (a) => intFromNumber((a[0] as PyHostStream).fd));
  // the attributes programs read off the standard streams (doctest saves sys.stdout's encoding)
  const streamAttrs = (t: PyType, fdOf: (o: PyObject) => 0 | 1 | 2) => {
    defGetSet(t, 'encoding', () => newStr('utf-8'));
    defGetSet(t, 'errors', (o) => newStr(fdOf(o) === 2 ? 'backslashreplace' : 'surrogateescape'));
    defGetSet(t, 'name', (o) => newStr(['<stdin>', '<stdout>', '<stderr>'][fdOf(o)]!));
    defGetSet(t, 'mode', (o) => newStr(fdOf(o) === 0 ? 'r' : 'w'));
    defGetSet(t, 'closed', () => False);
    defGetSet(t, 'line_buffering', () => False);
    defGetSet(t, 'newlines', () => None);
    defMethod(t, 'readable', (a) => pyBool(fdOf(a[0]!) === 0));
    defMethod(t, 'writable', (a) => pyBool(fdOf(a[0]!) !== 0));
    defMethod(t, 'seekable', () => False);
  };
  streamAttrs(textIOType, (o) => (o as PyHostStream).fd);
  streamAttrs(stdinType, () => 0);
  defMethod(stdinType, 'fileno', () => intFromNumber(0));
}

export function ioBuiltins(getStdout: () => PyObject): PyBuiltin[] {
  return [
    builtinFunction('print', (a, kw) => {
      let sep = ' ';
      let end = '\n';
      let file: PyObject | null = null;
      let flush = false;
      if (kw !== null) {
        for (const [k, v] of kw) {
          if (k === 'sep') {
            if (v !== None && !(v instanceof PyStr)) raise(typeErrorType, `sep must be None or a string, not ${v.type.name}`);
            if (v instanceof PyStr) sep = v.value;
          } else if (k === 'end') {
            if (v !== None && !(v instanceof PyStr)) raise(typeErrorType, `end must be None or a string, not ${v.type.name}`);
            if (v instanceof PyStr) end = v.value;
          } else if (k === 'file') {
            if (v !== None) file = v;
          } else if (k === 'flush') {
            flush = isTrue(v);
          } else {
            raise(typeErrorType, `'${k}' is an invalid keyword argument for print()`);
          }
        }
      }
      if (file === null) file = getStdout();
      if (file === None) return None;
      if (!(file instanceof PyHostStream)) {
        const write = getAttr(file, 'write');
        for (let i = 0; i < a.length; i++) {
          if (i > 0) callObject(write, [newStr(sep)], null);
          callObject(write, [newStr(str(a[i]!))], null);
        }
        callObject(write, [newStr(end)], null);
        if (flush) callObject(getAttr(file, 'flush'), [], null);
        return None;
      }
      let out = '';
      for (let i = 0; i < a.length; i++) {
        if (i > 0) out += sep;
        out += str(a[i]!);
      }
      out += end;
      if (file instanceof PyHostStream) file.write(out);
      else callObject(getAttr(file, 'write'), [newStr(out)], null);
      return None;
    }),
    builtinFunction('input', (a) => {
      if (a.length > 1) raise(typeErrorType, `input expected at most 1 argument, got ${a.length}`);
      if (a.length === 1) {
        const out = getStdout();
        const prompt = str(a[0]!);
        if (out instanceof PyHostStream) out.write(prompt);
        else callObject(getAttr(out, 'write'), [newStr(prompt)], null);
      }
      const line = ts.host.readLine?.() ?? '';
      if (line === '') raise(eofErrorType, 'EOF when reading a line');
      return newStr(line.endsWith('\n') ? line.slice(0, -1) : line);
    }),
  ];
}
