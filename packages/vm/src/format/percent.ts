// printf-style formatting: str % args. CPython counterpart: Objects/unicodeobject.c
// (PyUnicode_Format).
import { raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { PyTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PyInt } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyStr } from '../objects/str.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { repr, str } from '../protocols/repr.js';
import { getItem } from '../protocols/sequence.js';
import { asIndex } from '../protocols/number.js';
import { formatFloat, formatInt } from './format-spec.js';
import { asciiOf } from '../objects/str-methods.js';

export function percentFormat(fmt: string, args: PyObject): string {
  const items = args instanceof PyTuple ? args.items : [args];
  const mapping = !(args instanceof PyTuple) && args.type.lookup('__getitem__') !== undefined && !(args instanceof PyStr) ? args : null;
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
      const end = fmt.indexOf(')', i);
      const key = fmt.slice(i + 1, end);
      if (mapping === null) raise(typeErrorType, 'format requires a mapping');
      arg = getItem(mapping, new PyStr(key));
      usedMapping = true;
      i = end + 1;
    }
    let flags = '';
    while ('-+ #0'.includes(fmt[i]!) && i < fmt.length) flags += fmt[i++];
    let width = '';
    if (fmt[i] === '*') {
      width = String(asIndex(next()));
      i++;
    } else while (fmt[i]! >= '0' && fmt[i]! <= '9') width += fmt[i++];
    let prec = '';
    let hasPrec = false;
    if (fmt[i] === '.') {
      hasPrec = true;
      i++;
      if (fmt[i] === '*') {
        prec = String(asIndex(next()));
        i++;
      } else while (fmt[i]! >= '0' && fmt[i]! <= '9') prec += fmt[i++];
    }
    const type = fmt[i++];
    if (type === undefined) raise(valueErrorType, 'incomplete format');
    if (type === '%') {
      out += '%';
      continue;
    }
    if (arg === null) arg = next();
    const align = flags.includes('-') ? '<' : '>';
    const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    const zero = flags.includes('0') && !flags.includes('-');
    let body: string;
    switch (type) {
      case 's': case 'r': case 'a': {
        body = type === 's' ? str(arg) : type === 'r' ? repr(arg) : asciiOf(repr(arg));
        if (hasPrec) body = Array.from(body).slice(0, Number(prec || '0')).join('');
        out += padTo(body, width, align, ' ');
        continue;
      }
      case 'd': case 'i': case 'u': {
        let v: bigint;
        if (arg instanceof PyFloat) v = BigInt(Math.trunc(arg.value));
        else if (arg instanceof PyInt) v = arg.value;
        else raise(typeErrorType, `%${type} format: a real number is required, not ${arg.type.name}`);
        body = formatInt(v, `${align === '<' ? '<' : ''}${sign}${zero ? '0' : ''}${width}`, 'int');
        out += padTo(body, width, align, ' ');
        continue;
      }
      case 'x': case 'X': case 'o': {
        if (!(arg instanceof PyInt)) raise(typeErrorType, `%${type} format: an integer is required, not ${arg.type.name}`);
        body = formatInt(arg.value, `${align === '<' ? '<' : ''}${sign}${flags.includes('#') ? '#' : ''}${zero ? '0' : ''}${width}${type}`, 'int');
        out += padTo(body, width, align, ' ');
        continue;
      }
      case 'c': {
        body = arg instanceof PyStr ? arg.value : String.fromCodePoint(Number((arg as PyInt).value));
        out += padTo(body, width, align, ' ');
        continue;
      }
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
        let x: number;
        if (arg instanceof PyFloat) x = arg.value;
        else if (arg instanceof PyInt) x = Number(arg.value);
        else raise(typeErrorType, `must be real number, not ${arg.type.name}`);
        body = formatFloat(x, `${align === '<' ? '<' : ''}${sign}${flags.includes('#') ? '#' : ''}${zero ? '0' : ''}${width}.${hasPrec ? prec || '0' : '6'}${type}`);
        out += padTo(body, width, align, ' ');
        continue;
      }
      default:
        raise(valueErrorType, `unsupported format character '${type}' (0x${type.charCodeAt(0).toString(16)}) at index ${i - 1}`);
    }
  }
  if (!usedMapping && ai < items.length && !(mapping !== null && !(args instanceof PyTuple))) {
    raise(typeErrorType, 'not all arguments converted during string formatting');
  }
  void PyDict;
  return out;
}

function padTo(s: string, width: string, align: string, fill: string): string {
  const w = Number(width || '0');
  const n = Array.from(s).length;
  if (n >= w) return s;
  return align === '<' ? s + fill.repeat(w - n) : fill.repeat(w - n) + s;
}
