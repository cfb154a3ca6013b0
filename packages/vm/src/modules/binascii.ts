// The binascii module's base64, hex and CRC functions (what base64, secrets, zipfile and email
// call), with its Error texts. The quoted-printable and uu codecs are not here: quopri falls back to
// its pure-Python code without them. CPython counterpart: Modules/binascii.c.
import { bufferArg, bufferOf } from '../protocols/buffer.js';
import { raise } from '../errors.js';
import { None, PyObject, PyType } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyBytes } from '../objects/bytes.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { exceptionType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { hex, latin1 } from '../objects/bytes-methods.js';
import { asIndex } from '../protocols/number.js';
import { isTrue } from '../protocols/truth.js';

let errorType: PyType | null = null;
let incompleteType: PyType | null = null;

function exceptionClass(name: string, base: PyType): PyType {
  const ns = new PyDict();
  ns.setStr('__module__', newStr('binascii'));
  return typeNew(base.type, name, [base], ns, null);
}

function fail(msg: string): never {
  raise(errorType!, msg);
}

/** A buffer argument of the b2a_* functions. */

/** ascii_buffer_converter: the a2b_* functions also take a str of ASCII characters. */
function asciiArg(o: PyObject | undefined): Uint8Array {
  if (o instanceof PyStr) {
    const s = o.value;
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) raise(valueErrorType, 'string argument should contain only ASCII characters');
      out[i] = c;
    }
    return out;
  }
  const b = o === undefined ? null : bufferOf(o);
  if (b === null) raise(typeErrorType, `argument should be bytes, buffer or ASCII string, not '${o?.type.name ?? 'NoneType'}'`);
  return b;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;
const PAD = 0x3d;

/** binascii_a2b_base64_impl */
function a2bBase64(data: Uint8Array, strict: boolean): Uint8Array {
  const out: number[] = [];
  let quadPos = 0;
  let leftchar = 0;
  let pads = 0;
  let paddingStarted = false;
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!;
    if (ch === PAD) {
      paddingStarted = true;
      if (strict && quadPos === 0) fail(i === 0 ? 'Leading padding not allowed' : 'Excess padding not allowed');
      if (quadPos >= 2 && quadPos + ++pads >= 4) {
        // a complete pad sequence ends the data; strict mode refuses anything after it
        if (strict && i + 1 < data.length) fail('Excess data after padding');
        return Uint8Array.from(out);
      }
      continue;
    }
    const v = B64_VALUE[ch]!;
    if (v < 0) {
      if (strict) fail('Only base64 data is allowed');
      continue;
    }
    if (strict && paddingStarted) fail('Discontinuous padding not allowed');
    pads = 0;
    switch (quadPos) {
      case 0:
        quadPos = 1;
        leftchar = v;
        break;
      case 1:
        quadPos = 2;
        out.push(((leftchar << 2) | (v >> 4)) & 0xff);
        leftchar = v & 0x0f;
        break;
      case 2:
        quadPos = 3;
        out.push(((leftchar << 4) | (v >> 2)) & 0xff);
        leftchar = v & 0x03;
        break;
      default:
        quadPos = 0;
        out.push(((leftchar << 6) | v) & 0xff);
        leftchar = 0;
    }
  }
  if (quadPos === 1) {
    fail(`Invalid base64-encoded string: number of data characters (${Math.floor(out.length / 3) * 4 + 1}) cannot be 1 more than a multiple of 4`);
  }
  if (quadPos !== 0) fail('Incorrect padding');
  return Uint8Array.from(out);
}

function b2aBase64(data: Uint8Array, newline: boolean): Uint8Array {
  let s = '';
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    s += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  if (i < data.length) {
    const n = (data[i]! << 16) | ((data[i + 1] ?? 0) << 8);
    s += B64[n >> 18]! + B64[(n >> 12) & 63]! + (i + 1 < data.length ? B64[(n >> 6) & 63]! : '=') + '=';
  }
  if (newline) s += '\n';
  return asciiBytes(s);
}

function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function a2bHex(data: Uint8Array): Uint8Array {
  if (data.length % 2 !== 0) fail('Odd-length string');
  const out = new Uint8Array(data.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(data[2 * i]!);
    const lo = hexValue(data[2 * i + 1]!);
    if (hi < 0 || lo < 0) fail('Non-hexadecimal digit found');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

const CRC32_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array, crc: number): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC32_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** CRC-CCITT (polynomial 0x1021), as BinHex 4 uses it. */
function crcHqx(data: Uint8Array, crc: number): number {
  let c = crc & 0xffff;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i]! << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  }
  return c;
}

/** An unsigned 32-bit argument as C's `unsigned int` converter wraps it. */
function uint32Arg(o: PyObject): number {
  return Number(BigInt.asUintN(32, asIndex(o)));
}

/** Positional-or-keyword arguments by name (Argument Clinic's parsing, without its exact texts for every mistake). */
function args(fname: string, a: PyObject[], kw: Kwargs | null, names: string[], required: number, kwOnly: string[] = []): (PyObject | undefined)[] {
  const out: (PyObject | undefined)[] = names.map((_, i) => a[i]);
  if (a.length > names.length) raise(typeErrorType, `${fname}() takes at most ${names.length} argument${names.length === 1 ? '' : 's'} (${a.length} given)`);
  const extra: (PyObject | undefined)[] = kwOnly.map(() => undefined);
  for (const [k, v] of kw ?? []) {
    const j = kwOnly.indexOf(k);
    if (j >= 0) extra[j] = v;
    else {
      const i = names.indexOf(k);
      if (i < 0 || i < required) raise(typeErrorType, `${fname}() got an unexpected keyword argument '${k}'`);
      out[i] = v;
    }
  }
  if (a.length < required) raise(typeErrorType, `${fname}() takes at least ${required} argument${required === 1 ? '' : 's'} (${a.length} given)`);
  return [...out, ...extra];
}

function positional(fname: string, a: PyObject[], kw: Kwargs | null, min: number, max: number): void {
  if (kw && kw.size > 0) raise(typeErrorType, `${fname}() takes no keyword arguments`);
  if (a.length >= min && a.length <= max) return;
  const bound = min === max ? `${min}` : a.length < min ? `at least ${min}` : `at most ${max}`;
  const n = a.length < min ? min : max;
  raise(typeErrorType, `${fname} expected ${bound} argument${n === 1 ? '' : 's'}, got ${a.length}`);
}

export function makeBinascii(): PyModule {
  errorType ??= exceptionClass('Error', valueErrorType);
  incompleteType ??= exceptionClass('Incomplete', exceptionType);
  const m = new PyModule('binascii');
  const d = m.dict;
  const def = (name: string, fn: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, fn));
  def('a2b_base64', (a, kw) => {
    const [data, strict] = args('a2b_base64', a, kw, ['data'], 1, ['strict_mode']);
    return new PyBytes(a2bBase64(asciiArg(data), strict !== undefined && isTrue(strict)));
  });
  def('b2a_base64', (a, kw) => {
    const [data, newline] = args('b2a_base64', a, kw, ['data'], 1, ['newline']);
    return new PyBytes(b2aBase64(bufferArg(data), newline === undefined || isTrue(newline)));
  });
  for (const name of ['a2b_hex', 'unhexlify']) def(name, (a, kw) => new PyBytes(a2bHex(asciiArg(args(name, a, kw, ['hexstr'], 1)[0]))));
  for (const name of ['b2a_hex', 'hexlify']) {
    def(name, (a, kw) => {
      const [data, sep, perSep] = args(name, a, kw, ['data', 'sep', 'bytes_per_sep'], 1);
      const text = hex(latin1(bufferArg(data)), sep === undefined ? None : sep, perSep);
      return new PyBytes(asciiBytes(text));
    });
  }
  // positional-only (_PyArg_CheckPositional's texts)
  def('crc32', (a, kw) => {
    positional('crc32', a, kw, 1, 2);
    return intFromNumber(crc32(bufferArg(a[0]), a[1] === undefined ? 0 : uint32Arg(a[1])));
  });
  def('crc_hqx', (a, kw) => {
    positional('crc_hqx', a, kw, 2, 2);
    return intFromNumber(crcHqx(bufferArg(a[0]), uint32Arg(a[1]!)));
  });
  d.setStr('Error', errorType);
  d.setStr('Incomplete', incompleteType);
  return m;
}
