// The format-specification mini-language for int, float and str.
// CPython counterpart: Python/formatter_unicode.c (parse_internal_render_format_spec,
// format_long_internal, format_float_internal, format_string_internal).
import { raise } from '../errors.js';
import { overflowErrorType, valueErrorType } from '../objects/exception-types.js';
import { formatFloatRepr } from '@tspyc/bytecode';
import { toExponential, toFixed, toGeneral, toSignificant } from './float-format.js';

export interface FormatSpec {
  fill: string;
  align: string; // '' | '<' | '>' | '=' | '^'
  sign: string; // '' | '+' | '-' | ' '
  /** 'z': negative zero coerced to zero (floats) */
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string; // '' | ',' | '_'
  precision: number; // -1 = none
  type: string;
}

export function parseSpec(spec: string, defaultAlign = '>', defaultType = ''): FormatSpec {
  const r: FormatSpec = { fill: ' ', align: '', sign: '', z: false, alt: false, zero: false, width: -1, grouping: '', precision: -1, type: '' };
  const cps = Array.from(spec);
  let i = 0;
  let fillSpecified = false;
  const isAlign = (c: string | undefined) => c === '<' || c === '>' || c === '=' || c === '^';
  if (cps.length >= 2 && isAlign(cps[1])) {
    r.fill = cps[0]!;
    r.align = cps[1]!;
    fillSpecified = true;
    i = 2;
  } else if (isAlign(cps[0])) {
    r.align = cps[0]!;
    i = 1;
  }
  if (cps[i] === '+' || cps[i] === '-' || cps[i] === ' ') r.sign = cps[i++]!;
  if (cps[i] === 'z') {
    r.z = true;
    i++;
  }
  if (cps[i] === '#') {
    r.alt = true;
    i++;
  }
  if (cps[i] === '0' && !fillSpecified) {
    // sign-aware zero padding: '0' fill, and '=' alignment when none is given for numbers
    r.zero = true;
    r.fill = '0';
    if (!r.align && defaultAlign === '>') r.align = '=';
    i++;
  }
  let w = '';
  while (i < cps.length && cps[i]! >= '0' && cps[i]! <= '9') w += cps[i++];
  // get_integer: a number past Py_ssize_t is refused
  const tooMany = (digits: string) => {
    if (BigInt(digits) > 0x7fffffffffffffffn) raise(valueErrorType, 'Too many decimal digits in format string');
  };
  if (w) {
    tooMany(w);
    r.width = Number(w);
  }
  if (cps[i] === ',' || cps[i] === '_') r.grouping = cps[i++]!;
  if (cps[i] === ',' || cps[i] === '_') raise(valueErrorType, 'Cannot specify both \',\' and \'_\'.');
  if (cps[i] === '.') {
    i++;
    let p = '';
    while (i < cps.length && cps[i]! >= '0' && cps[i]! <= '9') p += cps[i++];
    if (!p) raise(valueErrorType, 'Format specifier missing precision');
    tooMany(p);
    r.precision = Number(p);
  }
  if (cps.length - i > 1) raise(valueErrorType, 'Invalid format specifier');
  r.type = i < cps.length ? cps[i]! : defaultType;
  if (r.grouping) {
    const t = r.type;
    const ok = 'defgEGF%'.includes(t) || t === '' || (r.grouping === '_' && 'boxX'.includes(t));
    if (!ok) raise(valueErrorType, `Cannot specify '${r.grouping}' with '${t}'.`);
  }
  return r;
}

/** Pad `body` (sign/prefix separate for '=' alignment) to the spec's width. */
function pad(sign: string, body: string, spec: FormatSpec, defaultAlign: string): string {
  const align = spec.align || defaultAlign;
  const len = Array.from(sign + body).length;
  if (spec.width <= len) return sign + body;
  const n = spec.width - len;
  const fill = spec.fill;
  switch (align) {
    case '<':
      return sign + body + fill.repeat(n);
    case '^': {
      const left = n >> 1;
      return fill.repeat(left) + sign + body + fill.repeat(n - left);
    }
    case '=':
      return sign + fill.repeat(n) + body;
    default:
      return fill.repeat(n) + sign + body;
  }
}

function group(digits: string, sep: string, every: number): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % every === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** With '=' alignment and zero padding, grouping separators also go into the padding. */
function zeroPadGrouped(sign: string, digits: string, spec: FormatSpec, sep: string, every: number, rest = ''): string {
  if (spec.grouping && spec.fill === '0' && spec.align === '=' && spec.width > 0) {
    let d = digits;
    while (sign.length + group(d, sep, every).length + rest.length < spec.width) d = '0' + d;
    return sign + group(d, sep, every) + rest;
  }
  return pad(sign, (sep ? group(digits, sep, every) : digits) + rest, spec, '>');
}

export function formatInt(v: bigint, specStr: string, typeName: string): string {
  const spec = parseSpec(specStr, '>', 'd');
  const t = spec.type;
  if ('eEfFgG%'.includes(t) && t !== '') return formatFloat(Number(v), specStr);
  if (t === 's' || !'bcdoxXn'.includes(t)) {
    raise(valueErrorType, `Unknown format code '${t}' for object of type '${typeName}'`);
  }
  if (spec.precision >= 0) raise(valueErrorType, 'Precision not allowed in integer format specifier');
  if (spec.z) raise(valueErrorType, 'Negative zero coercion (z) not allowed in integer format specifier');
  if (t === 'c') {
    if (spec.sign) raise(valueErrorType, "Sign not allowed with integer format specifier 'c'");
    if (v > 9223372036854775807n || v < -9223372036854775808n) raise(overflowErrorType, 'Python int too large to convert to C long');
    if (v < 0n || v > 0x10ffffn) raise(overflowErrorType, '%c arg not in range(0x110000)');
    return pad('', String.fromCodePoint(Number(v)), spec, '<');
  }
  const neg = v < 0n;
  const a = neg ? -v : v;
  let digits: string;
  let prefix = '';
  let every = 3;
  switch (t) {
    case 'b': digits = a.toString(2); prefix = '0b'; every = 4; break;
    case 'o': digits = a.toString(8); prefix = '0o'; every = 4; break;
    case 'x': digits = a.toString(16); prefix = '0x'; every = 4; break;
    case 'X': digits = a.toString(16).toUpperCase(); prefix = '0X'; every = 4; break;
    default: digits = a.toString();
  }
  if (spec.grouping === ',' && t !== '' && t !== 'd' && t !== 'n') raise(valueErrorType, `Cannot specify ',' with '${t}'.`);
  const sign = (neg ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '') + (spec.alt ? prefix : '');
  return zeroPadGrouped(sign, digits, spec, spec.grouping, every);
}

export function formatFloat(x: number, specStr: string): string {
  const spec = parseSpec(specStr);
  let t = spec.type;
  if (!'eEfFgGn%'.includes(t) || (t === '' && false)) {
    raise(valueErrorType, `Unknown format code '${t}' for object of type 'float'`);
  }
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  let prec = spec.precision;
  if (x !== x || !Number.isFinite(x)) {
    body = x !== x ? 'nan' : 'inf';
    if (t === 'E' || t === 'F' || t === 'G') body = body.toUpperCase();
    if (t === '%') body += '%';
  } else if (t === '') {
    if (prec < 0) {
      body = formatFloatRepr(a);
      if (spec.alt && !body.includes('.')) body = body.includes('e') ? body.replace('e', '.e') : body + '.';
    } else {
      // 'g' with Py_DTSF_ADD_DOT_0: exponent notation from decpt > precision - 1
      const p = prec === 0 ? 1 : prec;
      const { exp } = toSignificant(a, p);
      if (exp < -4 || exp >= p - 1) body = stripZerosExp(toExponential(a, p - 1, false, spec.alt), spec.alt);
      else {
        body = toGeneral(a, p, false, spec.alt);
        if (!body.includes('.') && !body.includes('e')) body += '.0';
      }
    }
  } else {
    if (prec < 0) prec = 6;
    switch (t) {
      case 'f': case 'F': body = toFixed(a, prec); if (spec.alt && prec === 0) body += '.'; break;
      case 'e': case 'E': body = toExponential(a, prec, t === 'E', spec.alt); break;
      case 'g': case 'G': case 'n': body = toGeneral(a, prec, t === 'G', spec.alt); break;
      default:
        body = Number.isFinite(a * 100) ? toFixed(a * 100, prec) + (spec.alt && prec === 0 ? '.' : '') + '%' : 'inf%';
        t = '%';
    }
  }
  const zeroResult = spec.z && !/[1-9]/.test(body);
  const sign = neg && x === x && !zeroResult ? '-' : spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
  if (spec.grouping) {
    const m = /^(\d+)(.*)$/.exec(body);
    if (m) return zeroPadGrouped(sign, m[1]!, spec, spec.grouping, 3, m[2]!);
  }
  return pad(sign, body, spec, '>');
}

export function formatStr(s: string, specStr: string): string {
  const spec = parseSpec(specStr, '<', 's');
  if (spec.type !== 's') raise(valueErrorType, `Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign === ' ') raise(valueErrorType, 'Space not allowed in string format specifier');
  if (spec.sign) raise(valueErrorType, 'Sign not allowed in string format specifier');
  if (spec.alt) raise(valueErrorType, 'Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') raise(valueErrorType, "'=' alignment not allowed in string format specifier");
  if (spec.precision >= 0) s = Array.from(s).slice(0, spec.precision).join('');
  return pad('', s, spec, '<');
}

function stripZerosExp(s: string, alt: boolean): string {
  if (alt) return s;
  const e = s.indexOf('e');
  let mant = s.slice(0, e);
  if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
  return mant + s.slice(e);
}

/** format_complex_internal: both parts formatted alike, the imaginary one always signed. */
export function formatComplex(re: number, im: number, specStr: string): string {
  const spec = parseSpec(specStr);
  let t = spec.type;
  if (t !== '' && !'eEfFgGn'.includes(t)) raise(valueErrorType, `Unknown format code '${t}' for object of type 'complex'`);
  if (spec.zero) raise(valueErrorType, 'Zero padding is not allowed in complex format specifier');
  if (spec.align === '=') raise(valueErrorType, "Alignment flag is not allowed in complex format specifier");
  let skipRe = false;
  let parens = false;
  let prec = spec.precision;
  if (t === '') {
    t = 'r';
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else parens = true;
    if (prec >= 0) t = 'g';
  }
  if (t === 'n') t = 'g';
  const part = (x: number, sign: string): string => {
    if (t === 'r') {
      // repr style without Py_DTSF_ADD_DOT_0: 3.0 shows as 3
      const body = x !== x ? 'nan' : formatFloatRepr(Math.abs(x)).replace(/\.0$/, '');
      const neg = x < 0 || Object.is(x, -0);
      return (neg ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '') + body;
    }
    return formatFloat(x, `${sign}${spec.alt ? '#' : ''}${prec >= 0 ? '.' + prec : ''}${t}`);
  };
  let body = (skipRe ? '' : part(re, spec.sign)) + part(im, '+') + 'j';
  if (parens) body = `(${body})`;
  return pad('', body, spec, '>');
}
