// printf-style formatting: str % args. CPython counterpart: Objects/unicodeobject.c
// (PyUnicode_Format).
import { raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { PyTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PyInt, intDecimal } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyStr } from '../objects/str.js';
import { overflowErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { lookupSpecial } from '../protocols/getattr.js';
import { PyBytes, bytesLike } from '../objects/bytes.js';
import { repr, str } from '../protocols/repr.js';
import { getItem } from '../protocols/sequence.js';
import { asIndex } from '../protocols/number.js';
import { formatFloat } from './format-spec.js';
import { asciiOf } from '../objects/str-methods.js';

/**
 * str % args, or (with `bytesMode`) bytes % args on latin-1 strings standing for the bytes
 * (_PyBytes_FormatEx: %s/%b take bytes-like objects, %c a byte, %r/%a give ASCII).
 */
export function percentFormat(fmt: string, args: PyObject, bytesMode = false): string {
  const items = args instanceof PyTuple ? args.items : [args];
  const mapping =
    !(args instanceof PyTuple) && args.type.lookup('__getitem__') !== undefined && !(args instanceof PyStr) && !(bytesMode && bytesLike(args) !== null)
      ? args
      : null;
  let ai = 0;
  let out = '';
  const next = (): PyObject => {
    if (ai >= items.length) raise(typeErrorType, 'not enough arguments for format string');
    return items[ai++]!;
  };
  let usedMapping = false;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    let arg: PyObject | null = null;
    if (fmt[i] === '(') {
      // the key runs to the matching ')' (parentheses nest)
      let depth = 1;
      let end = i + 1;
      while (end < fmt.length && depth > 0) {
        if (fmt[end] === '(') depth++;
        else if (fmt[end] === ')') depth--;
        if (depth > 0) end++;
      }
      if (depth > 0) raise(valueErrorType, 'incomplete format key');
      const key = fmt.slice(i + 1, end);
      if (mapping === null) raise(typeErrorType, 'format requires a mapping');
      arg = getItem(mapping, bytesMode ? new PyBytes(Uint8Array.from(key, (ch) => ch.charCodeAt(0))) : new PyStr(key));
      usedMapping = true;
      ai = items.length; // a keyed conversion ends the positional ones (PyUnicode_Format)
      i = end + 1;
    }
    let flags = '';
    while (i < fmt.length && '-+ #0'.includes(fmt[i]!)) flags += fmt[i++];
    const starArg = (): number => {
      const v = next();
      if (!(v instanceof PyInt)) raise(typeErrorType, '* wants int');
      return Number(v.value);
    };
    let width = 0;
    if (fmt[i] === '*') {
      width = starArg();
      if (width < 0) {
        flags += '-';
        width = -width;
      }
      i++;
    } else while (fmt[i]! >= '0' && fmt[i]! <= '9') width = width * 10 + Number(fmt[i++]);
    let prec = -1;
    if (fmt[i] === '.') {
      i++;
      if (fmt[i] === '*') {
        prec = Math.max(0, starArg());
        i++;
      } else {
        prec = 0;
        while (fmt[i]! >= '0' && fmt[i]! <= '9') prec = prec * 10 + Number(fmt[i++]);
      }
    }
    const type = fmt[i++];
    if (type === undefined) raise(valueErrorType, 'incomplete format');
    if (type === '%') {
      out += '%';
      continue;
    }
    if (arg === null) arg = next();
    const left = flags.includes('-');
    const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    const zero = flags.includes('0') && !left;
    const w = String(width);
    switch (type) {
      case 's': case 'r': case 'a': case 'b': {
        if (type === 'b' && !bytesMode) break;
        let body: string;
        if (bytesMode && (type === 's' || type === 'b')) body = bytesArg(arg);
        else if (bytesMode) body = asciiOf(repr(arg));
        else body = type === 's' ? str(arg) : type === 'r' ? repr(arg) : asciiOf(repr(arg));
        if (prec >= 0) body = Array.from(body).slice(0, prec).join('');
        out += padTo(body, w, left ? '<' : '>', ' ');
        continue;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        const decimal = type === 'd' || type === 'i' || type === 'u';
        let v: bigint;
        if (arg instanceof PyInt) v = arg.value;
        else if (decimal && arg instanceof PyFloat) {
          if (!Number.isFinite(arg.value)) raise(arg.value !== arg.value ? valueErrorType : overflowErrorType, `cannot convert float ${arg.value !== arg.value ? 'NaN' : 'infinity'} to integer`);
          v = BigInt(Math.trunc(arg.value));
        } else if (arg.type.lookup('__index__') !== undefined) v = asIndex(arg);
        else if (decimal && arg.type.lookup('__int__') !== undefined) v = (callSpecial(arg.type.lookup('__int__')!, arg, []) as PyInt).value;
        else if (decimal) raise(typeErrorType, `%${type} format: a real number is required, not ${arg.type.name}`);
        else raise(typeErrorType, `%${type} format: an integer is required, not ${arg.type.name}`);
        out += formatPercentInt(v, type, flags.includes('#'), sign, prec, width, zero, left);
        continue;
      }
      case 'c': {
        let body: string;
        if (bytesMode) {
          const b = bytesLike(arg);
          if (arg instanceof PyInt) {
            if (arg.value < 0n || arg.value > 255n) raise(overflowErrorType, '%c arg not in range(256)');
            body = String.fromCharCode(Number(arg.value));
          } else if (b !== null && b.length === 1) body = String.fromCharCode(b[0]!);
          else raise(typeErrorType, '%c requires an integer in range(256) or a single byte');
        } else if (arg instanceof PyStr) {
          if (arg.length !== 1) raise(typeErrorType, '%c requires int or char');
          body = arg.value;
        } else if (arg instanceof PyInt) {
          if (arg.value < 0n || arg.value > 0x10ffffn) raise(overflowErrorType, '%c arg not in range(0x110000)');
          body = String.fromCodePoint(Number(arg.value));
        } else raise(typeErrorType, '%c requires int or char');
        out += padTo(body, w, left ? '<' : '>', ' ');
        continue;
      }
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
        let x: number;
        if (arg instanceof PyFloat) x = arg.value;
        else if (arg instanceof PyInt) x = Number(arg.value);
        else if (arg.type.lookup('__float__') !== undefined) x = (callSpecial(arg.type.lookup('__float__')!, arg, []) as PyFloat).value;
        else if (arg.type.lookup('__index__') !== undefined) x = Number(asIndex(arg));
        else raise(typeErrorType, `must be real number, not ${arg.type.name}`);
        const body = formatFloat(x, `${left ? '<' : ''}${sign}${flags.includes('#') ? '#' : ''}${zero ? '0' : ''}${width || ''}.${prec >= 0 ? prec : 6}${type}`);
        out += padTo(body, w, left ? '<' : '>', ' ');
        continue;
      }
    }
    raise(valueErrorType, `unsupported format character '${type}' (0x${type.charCodeAt(0).toString(16)}) at index ${i - 1}`);
  }
  if (!usedMapping && ai < items.length && !(mapping !== null && !(args instanceof PyTuple))) {
    raise(typeErrorType, `not all arguments converted during ${bytesMode ? 'bytes' : 'string'} formatting`);
  }
  void PyDict;
  return out;
}

/** %d/%x/%o: sign, '#' prefix, precision as a minimum digit count, then width (zeros after the prefix). */
export function formatPercentInt(v: bigint, type: string, alt: boolean, sign: string, prec: number, width: number, zero: boolean, left: boolean): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  // decimal output obeys sys.set_int_max_str_digits()
  let digits = type === 'x' || type === 'X' ? abs.toString(16) : type === 'o' ? abs.toString(8) : intDecimal(abs);
  if (type === 'X') digits = digits.toUpperCase();
  if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
  const prefix = (neg ? '-' : sign) + (alt && type !== 'd' && type !== 'i' && type !== 'u' ? '0' + (type === 'o' ? 'o' : type) : '');
  const n = prefix.length + digits.length;
  if (n >= width) return prefix + digits;
  if (left) return prefix + digits + ' '.repeat(width - n);
  if (zero) return prefix + '0'.repeat(width - n) + digits;
  return ' '.repeat(width - n) + prefix + digits;
}

/** %s/%b of bytes formatting: a bytes-like object or __bytes__'s result, as latin-1. */
function bytesArg(o: PyObject): string {
  let b = bytesLike(o);
  if (b === null) {
    const m = lookupSpecial(o, '__bytes__');
    if (m === undefined) raise(typeErrorType, `%b requires a bytes-like object, or an object that implements __bytes__, not '${o.type.name}'`);
    b = bytesLike(callObject(m, [], null));
    if (b === null) raise(typeErrorType, '__bytes__ returned non-bytes');
  }
  let out = '';
  for (const x of b) out += String.fromCharCode(x);
  return out;
}

function padTo(s: string, width: string, align: string, fill: string): string {
  const w = Number(width || '0');
  const n = Array.from(s).length;
  if (n >= w) return s;
  return align === '<' ? s + fill.repeat(w - n) : fill.repeat(w - n) + s;
}
