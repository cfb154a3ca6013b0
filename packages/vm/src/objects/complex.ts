// complex. CPython counterpart: Objects/complexobject.c (complex_repr, complex_hash, _Py_c_quot,
// _Py_c_pow, c_powi, complex_new).
import { formatComplexRepr } from '@tspyc/bytecode';
import { raise } from '../errors.js';
import { builtinType, NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, pyBool } from './int.js';
import { PyFloat } from './float.js';
import { PyStr, newStr } from './str.js';
import { defMethod } from './native.js';
import { defGetSet } from './descr.js';
import { overflowErrorType, typeErrorType, valueErrorType, zeroDivisionErrorType } from './exception-types.js';
import { floatHash } from '@tspyc/bytecode';
import { intToFloat, libmPow } from '../protocols/number.js';
import { crAtan2, crExp, crHypot, crLog, crTrig } from './libm.js';
import { callSpecial } from '../protocols/call.js';
import { formatComplex } from '../format/format-spec.js';
import { str } from '../protocols/repr.js';

export const complexType = builtinType('complex');

export class PyComplex extends PyObject {
  readonly real: number;
  readonly imag: number;
  constructor(real: number, imag: number, type: PyType = complexType) {
    super(type);
    this.real = real;
    this.imag = imag;
  }
}

type C = [number, number];

/** An int, float or complex operand as (re, im), or undefined. */
export function asComplexOperand(o: PyObject): C | undefined {
  if (o instanceof PyComplex) return [o.real, o.imag];
  if (o instanceof PyFloat) return [o.value, 0];
  if (o instanceof PyInt) return [intToFloat(o.value), 0];
  return undefined;
}

function quot(a: C, b: C): C {
  const [ar, ai] = a;
  const [br, bi] = b;
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) raise(zeroDivisionErrorType, 'complex division by zero');
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(ar + ai * ratio) / denom, (ai - ar * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(ar * ratio + ai) / denom, (ai * ratio - ar) / denom];
  }
  return [NaN, NaN];
}

function mul(a: C, b: C): C {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

function powC(a: C, b: C): C {
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) raise(zeroDivisionErrorType, '0.0 to a negative or complex power');
    return [0, 0];
  }
  // glibc's (correctly rounded) functions, not V8's, so that the last digits agree
  const vabs = crHypot([a[0], a[1]]);
  let len = libmPow(vabs, b[0]);
  const at = crAtan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= crExp(at * b[1]);
    phase += b[1] * crLog(vabs);
  }
  return [len * crTrig(phase, 'cos'), len * crTrig(phase, 'sin')];
}

function powi(x: C, n: number): C {
  let r: C = [1, 0];
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = mul(r, p);
    mask <<= 1;
    p = mul(p, p);
  }
  return r;
}

/** complex ** complex, with c_powi for small integral exponents as CPython does. */
export function complexPow(a: C, b: C): C {
  let r: C;
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) raise(zeroDivisionErrorType, '0.0 to a negative or complex power');
    return [0, 0];
  }
  if (b[1] === 0 && b[0] === Math.trunc(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    r = n > 0 ? powi(a, n) : quot([1, 0], powi(a, -n));
  } else {
    r = powC(a, b);
  }
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) {
    if (Number.isFinite(a[0]) && Number.isFinite(a[1]) && Number.isFinite(b[0]) && Number.isFinite(b[1])) {
      raise(overflowErrorType, 'complex exponentiation');
    }
  }
  return r;
}

export function complexRepr(c: PyComplex): string {
  return formatComplexRepr(c.real, c.imag);
}

function binary(op: string, a: C, b: C): C {
  switch (op) {
    case 'add': return [a[0] + b[0], a[1] + b[1]];
    case 'sub': return [a[0] - b[0], a[1] - b[1]];
    case 'mul': return mul(a, b);
    case 'truediv': return quot(a, b);
    default: return complexPow(a, b);
  }
}

function parseComplex(s: string): C | null {
  let t = s.trim();
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1).trim();
  // underscores only between digits
  if (/(^|[^0-9])_|_($|[^0-9])/.test(t)) return null;
  t = t.replace(/_/g, '');
  const bare = /^([+-]?)j$/i.exec(t);
  if (bare) return [0, bare[1] === '-' ? -1 : 1];
  const num = '(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?|inf|infinity|nan)';
  let m = new RegExp(`^([+-]?${num})?([+-](?:${num})?)j$`, 'i').exec(t);
  if (m) {
    const re = m[1] ? Number(m[1].replace(/inf(inity)?/i, 'Infinity')) : 0;
    const imText = m[2]!;
    const im = imText === '+' ? 1 : imText === '-' ? -1 : Number(imText.replace(/inf(inity)?/i, 'Infinity'));
    return [re, im];
  }
  m = new RegExp(`^([+-]?)(${num})?j$`, 'i').exec(t);
  if (m) {
    const mag = m[2] === undefined ? 1 : Number(m[2].replace(/inf(inity)?/i, 'Infinity'));
    return [0, m[1] === '-' ? -mag : mag];
  }
  m = new RegExp(`^([+-]?${num})$`, 'i').exec(t);
  if (m) return [Number(m[1]!.replace(/inf(inity)?/i, 'Infinity')), 0];
  return null;
}

export function initComplex(): void {
  const t = complexType;
  defMethod(t, '__new__', (a, kw) => {
    const cls = a[0] as PyType;
    const re = a[1] ?? kw?.get('real');
    const im = a[2] ?? kw?.get('imag');
    if (re instanceof PyStr) {
      if (im !== undefined) raise(typeErrorType, "complex() can't take second arg if first is a string");
      const c = parseComplex(re.value);
      if (c === null) raise(valueErrorType, 'complex() arg is a malformed string');
      return new PyComplex(c[0], c[1], cls);
    }
    // [value, whether it is complex (a complex or __complex__'s result)] as complex_new decides
    const toC = (o: PyObject): [C, boolean] => {
      if (o instanceof PyComplex) return [[o.real, o.imag], true];
      const cm = o.type.lookup('__complex__');
      if (cm !== undefined) {
        const r = callSpecial(cm, o, []);
        if (!(r instanceof PyComplex)) raise(typeErrorType, `__complex__ returned non-complex (type ${r.type.name})`);
        return [[r.real, r.imag], true];
      }
      const c = asComplexOperand(o);
      if (c !== undefined) return [c, false];
      const m = o.type.lookup('__float__') ?? o.type.lookup('__index__');
      if (m === undefined) raise(typeErrorType, `complex() first argument must be a string or a number, not '${o.type.name}'`);
      return [asComplexOperand(callSpecial(m, o, []))!, false];
    };
    if (re === undefined) return new PyComplex(0, 0, cls);
    const [r, reIsComplex] = toC(re);
    if (im === undefined) return new PyComplex(r[0], reIsComplex ? r[1] : 0, cls);
    const [i, imIsComplex] = toC(im);
    // complex_new: only a complex part contributes its other component (keeping -0.0 intact)
    const real = imIsComplex ? r[0] - i[1] : r[0];
    const imag = reIsComplex ? i[0] + r[1] : i[0];
    return new PyComplex(real, imag, cls);
  });
  defMethod(t, '__repr__', (a) => newStr(complexRepr(a[0] as PyComplex)));
  defMethod(t, '__hash__', (a) => {
    const c = a[0] as PyComplex;
    const U64 = (1n << 64n) - 1n;
    const hr = floatHash(c.real) ?? 0n;
    const hi = floatHash(c.imag) ?? 0n;
    let h = ((hr & U64) + 1000003n * (hi & U64)) & U64;
    let s = h >= 1n << 63n ? h - (1n << 64n) : h;
    if (s === -1n) s = -2n;
    h = s;
    return new PyInt(h);
  });
  defMethod(t, '__bool__', (a) => pyBool((a[0] as PyComplex).real !== 0 || (a[0] as PyComplex).imag !== 0));
  defMethod(t, '__neg__', (a) => new PyComplex(-(a[0] as PyComplex).real, -(a[0] as PyComplex).imag));
  defMethod(t, '__pos__', (a) => new PyComplex((a[0] as PyComplex).real, (a[0] as PyComplex).imag));
  defMethod(t, '__abs__', (a) => {
    const c = a[0] as PyComplex;
    const r = Math.hypot(c.real, c.imag);
    if (!Number.isFinite(r) && Number.isFinite(c.real) && Number.isFinite(c.imag)) raise(overflowErrorType, 'absolute value too large');
    return new PyFloat(r);
  });
  defMethod(t, 'conjugate', (a) => new PyComplex((a[0] as PyComplex).real, -(a[0] as PyComplex).imag));
  defMethod(t, '__format__', (a) => {
    const spec = (a[1] as PyStr).value;
    const c = a[0] as PyComplex;
    if (spec === '') return newStr(str(c));
    return newStr(formatComplex(c.real, c.imag, spec));
  });
  defGetSet(t, 'real', (o) => new PyFloat((o as PyComplex).real));
  defGetSet(t, 'imag', (o) => new PyFloat((o as PyComplex).imag));
  for (const op of ['add', 'sub', 'mul', 'truediv', 'pow']) {
    defMethod(t, `__${op}__`, (a) => {
      const x = asComplexOperand(a[0]!)!;
      const y = asComplexOperand(a[1]!);
      if (y === undefined) return NotImplemented;
      const r = binary(op, x, y);
      return new PyComplex(r[0], r[1]);
    });
    defMethod(t, `__r${op}__`, (a) => {
      const x = asComplexOperand(a[0]!)!;
      const y = asComplexOperand(a[1]!);
      if (y === undefined) return NotImplemented;
      const r = binary(op, y, x);
      return new PyComplex(r[0], r[1]);
    });
  }
  const eq = (a: PyObject[], want: boolean) => {
    const x = a[0] as PyComplex;
    const y = a[1]!;
    if (y instanceof PyInt) {
      if (x.imag !== 0) return pyBool(!want);
      const f = x.real;
      const same = Number.isInteger(f) && BigInt(f) === y.value;
      return pyBool(same === want);
    }
    const c = asComplexOperand(y);
    if (c === undefined) return NotImplemented;
    return pyBool((x.real === c[0] && x.imag === c[1]) === want);
  };
  defMethod(t, '__eq__', (a) => eq(a, true));
  defMethod(t, '__ne__', (a) => eq(a, false));
  for (const name of ['__lt__', '__le__', '__gt__', '__ge__']) defMethod(t, name, () => NotImplemented);
}
