// The math module. CPython counterpart: Modules/mathmodule.c (error texts included).
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { PyInt, newInt, pyBool } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { overflowErrorType, typeErrorType, valueErrorType, zeroDivisionErrorType } from '../objects/exception-types.js';
import { asIndex, binaryOp, libmPow, NB_MULTIPLY } from '../protocols/number.js';
import { crAsinAcos, crAtan, crAtan2, crExp, crHypot, crLog, crLogBase, crTrig } from '../objects/libm.js';
import { callSpecial } from '../protocols/call.js';
import { toArray } from '../protocols/iter.js';
import { isTrue } from '../protocols/truth.js';
import { erf, erfc, gamma, lgamma } from './math-special.js';
import type { Kwargs } from '../objects/native.js';

function toFloat(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) {
    if (o.num === o.num) return o.num;
    const f = Number(o.value);
    if (!Number.isFinite(f)) raise(overflowErrorType, 'int too large to convert to float');
    return f;
  }
  const m = o.type.lookup('__float__');
  if (m !== undefined) return (callSpecial(m, o, []) as PyFloat).value;
  const idx = o.type.lookup('__index__');
  if (idx !== undefined) return Number(asIndex(o));
  raise(typeErrorType, `must be real number, not ${o.type.name}`);
}

/** C's nextafter on doubles. */
function nextAfter(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  let bits = buf.getBigUint64(0);
  bits += (y > x) === (x > 0) ? 1n : -1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

function domain(ok: boolean): void {
  if (!ok) raise(valueErrorType, 'math domain error');
}

function checked(r: number, x: number): PyFloat {
  if (r !== r && x === x) raise(valueErrorType, 'math domain error');
  if (!Number.isFinite(r) && Number.isFinite(x)) raise(overflowErrorType, 'math range error');
  return new PyFloat(r);
}

function isqrt(n: bigint): bigint {
  if (n < 0n) raise(valueErrorType, 'isqrt() argument must be nonnegative');
  if (n < 2n) return n;
  // Newton's iteration from above: start at a power of two not below sqrt(n), then descend
  let x = 1n << BigInt((n.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function intOf(o: PyObject): bigint {
  if (o instanceof PyFloat) raise(typeErrorType, "'float' object cannot be interpreted as an integer");
  return asIndex(o);
}

function floorCeil(o: PyObject, name: '__floor__' | '__ceil__', f: (x: number) => number): PyObject {
  if (o instanceof PyInt) return newInt(o.value);
  if (!(o instanceof PyFloat)) {
    const m = o.type.lookup(name);
    if (m !== undefined) return callSpecial(m, o, []);
  }
  const x = toFloat(o);
  if (x !== x) raise(valueErrorType, 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) raise(overflowErrorType, 'cannot convert float infinity to integer');
  return newInt(BigInt(f(x)));
}

export function makeMath(): PyModule {
  const m = new PyModule('math');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  const f1 = (name: string, fn: (x: number) => number, ok: (x: number) => boolean = () => true) =>
    def(name, (a) => {
      const x = toFloat(a[0]!);
      domain(ok(x));
      return checked(fn(x), x);
    });
  d.setStr('pi', new PyFloat(Math.PI));
  d.setStr('e', new PyFloat(Math.E));
  d.setStr('tau', new PyFloat(2 * Math.PI));
  d.setStr('inf', new PyFloat(Infinity));
  d.setStr('nan', new PyFloat(NaN));
  f1('sqrt', Math.sqrt, (x) => x >= 0 || x !== x);
  f1('exp', crExp);
  f1('sin', (x) => crTrig(x, 'sin'), (x) => Number.isFinite(x) || x !== x);
  f1('cos', (x) => crTrig(x, 'cos'), (x) => Number.isFinite(x) || x !== x);
  f1('tan', (x) => crTrig(x, 'tan'), (x) => Number.isFinite(x) || x !== x);
  f1('asin', (x) => crAsinAcos(x, 'asin'), (x) => (x >= -1 && x <= 1) || x !== x);
  f1('acos', (x) => crAsinAcos(x, 'acos'), (x) => (x >= -1 && x <= 1) || x !== x);
  f1('atan', crAtan);
  // glibc's sinh/cosh/tanh are not correctly rounded; V8's agree with them more often
  f1('sinh', Math.sinh);
  f1('cosh', Math.cosh);
  f1('tanh', Math.tanh);
  f1('fabs', Math.abs);
  // an int too large for a float: func(frexp mantissa) + func(2) * exponent (loghelper)
  const intLog = (o: PyObject, base: 0 | 2 | 10): number | null => {
    if (!(o instanceof PyInt) || o.value <= 0n || Number.isFinite(Number(o.value))) return null;
    const v = o.value;
    const s = v.toString(2).length;
    // the top 64 bits with a sticky bit, so that Number() rounds as _PyLong_Frexp does
    let top = v >> BigInt(s - 64);
    if (top << BigInt(s - 64) !== v) top |= 1n;
    const x = Number(top) / 2 ** 64;
    const fn = (y: number) => (base === 0 ? crLog(y) : crLogBase(y, base));
    return fn(x) + fn(2.0) * s;
  };
  for (const [name, base] of [['log2', 2], ['log10', 10]] as const) {
    def(name, (a) => {
      const big = intLog(a[0]!, base);
      if (big !== null) return new PyFloat(big);
      const x = toFloat(a[0]!);
      domain(x > 0 || x !== x);
      return checked(crLogBase(x, base), x);
    });
  }
  f1('log1p', Math.log1p, (x) => x > -1 || x !== x);
  f1('expm1', Math.expm1);
  f1('exp2', (x) => 2 ** x);
  f1('cbrt', Math.cbrt);
  f1('asinh', Math.asinh);
  f1('acosh', Math.acosh, (x) => x >= 1 || x !== x);
  f1('atanh', Math.atanh, (x) => (x > -1 && x < 1) || x !== x);
  f1('erf', erf);
  f1('erfc', erfc);
  f1('gamma', gamma);
  f1('lgamma', lgamma);
  def('remainder', (a) => {
    const x = toFloat(a[0]!);
    const y = toFloat(a[1]!);
    if (x !== x || y !== y) return new PyFloat(NaN);
    domain(Number.isFinite(x) && y !== 0);
    if (!Number.isFinite(y)) return new PyFloat(x);
    // IEEE remainder: x - n*y with n the integer nearest x/y, ties to even (m_remainder)
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    return new PyFloat(x < 0 || Object.is(x, -0) ? -r : r);
  });
  def('nextafter', (a) => new PyFloat(nextAfter(toFloat(a[0]!), toFloat(a[1]!))));
  def('ulp', (a) => {
    let x = Math.abs(toFloat(a[0]!));
    if (x !== x || x === Infinity) return new PyFloat(x);
    const x2 = nextAfter(x, Infinity);
    if (x2 === Infinity) {
      x = nextAfter(x, -Infinity);
      return new PyFloat(Math.abs(toFloat(a[0]!)) - x);
    }
    return new PyFloat(x2 - x);
  });
  f1('degrees', (x) => (x * 180) / Math.PI);
  f1('radians', (x) => (x * Math.PI) / 180);
  def('log', (a) => {
    const lg = (o: PyObject): number => {
      const big = intLog(o, 0);
      if (big !== null) return big;
      const x = toFloat(o);
      domain(x > 0 || x !== x);
      return crLog(x);
    };
    const num = lg(a[0]!);
    if (a.length > 1) {
      const den = lg(a[1]!);
      if (den === 0) raise(zeroDivisionErrorType, 'float division by zero');
      return new PyFloat(num / den);
    }
    return new PyFloat(num);
  });
  def('pow', (a) => {
    const x = toFloat(a[0]!);
    const y = toFloat(a[1]!);
    if (x === 0 && y < 0) raise(valueErrorType, 'math domain error');
    if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) raise(valueErrorType, 'math domain error');
    return checked(x === 1 || y === 0 ? 1 : libmPow(x, y), x + y);
  });
  def('atan2', (a) => new PyFloat(crAtan2(toFloat(a[0]!), toFloat(a[1]!))));
  def('hypot', (a) => new PyFloat(crHypot(a.map(toFloat))));
  def('dist', (a) => {
    const p = toArray(a[0]!).map(toFloat);
    const q = toArray(a[1]!).map(toFloat);
    if (p.length !== q.length) raise(valueErrorType, 'both points must have the same number of dimensions');
    return new PyFloat(crHypot(p.map((v, i) => v - q[i]!)));
  });
  def('copysign', (a) => {
    const x = Math.abs(toFloat(a[0]!));
    const y = toFloat(a[1]!);
    return new PyFloat(y < 0 || Object.is(y, -0) ? -x : x);
  });
  def('fmod', (a) => {
    const x = toFloat(a[0]!);
    const y = toFloat(a[1]!);
    domain(!(y === 0 || !Number.isFinite(x)) || x !== x || y !== y);
    return new PyFloat(x % y);
  });
  def('floor', (a) => floorCeil(a[0]!, '__floor__', Math.floor));
  def('ceil', (a) => floorCeil(a[0]!, '__ceil__', Math.ceil));
  def('trunc', (a) => {
    const o = a[0]!;
    const t = o.type.lookup('__trunc__');
    if (t === undefined) raise(typeErrorType, `type ${o.type.name} doesn't define __trunc__ method`);
    return callSpecial(t, o, []);
  });
  def('isnan', (a) => pyBool(Number.isNaN(toFloat(a[0]!))));
  def('isinf', (a) => {
    const x = toFloat(a[0]!);
    return pyBool(x === Infinity || x === -Infinity);
  });
  def('isfinite', (a) => pyBool(Number.isFinite(toFloat(a[0]!))));
  def('isclose', (a, kw) => {
    const x = toFloat(a[0] ?? kw?.get('a') ?? raise(typeErrorType, "isclose() missing required argument 'a' (pos 1)"));
    const y = toFloat(a[1] ?? kw?.get('b') ?? raise(typeErrorType, "isclose() missing required argument 'b' (pos 2)"));
    const rel = kw?.get('rel_tol') === undefined ? 1e-9 : toFloat(kw.get('rel_tol')!);
    const abs = kw?.get('abs_tol') === undefined ? 0 : toFloat(kw.get('abs_tol')!);
    if (rel < 0 || abs < 0) raise(valueErrorType, 'tolerances must be non-negative');
    if (x === y) return pyBool(true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return pyBool(false);
    const diff = Math.abs(y - x);
    return pyBool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
  });
  def('gcd', (a) => newInt(a.map(intOf).reduce((x, y) => gcd(x, y), 0n)));
  def('lcm', (a) =>
    newInt(
      a.map(intOf).reduce((x, y) => {
        if (x === 0n || y === 0n) return 0n;
        const r = (x * y) / gcd(x, y);
        return r < 0n ? -r : r;
      }, 1n),
    ),
  );
  def('isqrt', (a) => newInt(isqrt(intOf(a[0]!))));
  def('factorial', (a) => {
    const n = intOf(a[0]!);
    if (n < 0n) raise(valueErrorType, 'factorial() not defined for negative values');
    if (n > 0x7fffffffffffffffn) raise(overflowErrorType, 'factorial() argument should not exceed 9223372036854775807');
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return newInt(r);
  });
  def('comb', (a) => {
    const n = intOf(a[0]!);
    let k = intOf(a[1]!);
    if (n < 0n) raise(valueErrorType, 'n must be a non-negative integer');
    if (k < 0n) raise(valueErrorType, 'k must be a non-negative integer');
    if (k > n) return newInt(0n);
    if (k > n - k) k = n - k;
    let r = 1n;
    for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
    return newInt(r);
  });
  def('perm', (a) => {
    const n = intOf(a[0]!);
    const k = a.length > 1 && a[1] !== None ? intOf(a[1]!) : n;
    if (n < 0n) raise(valueErrorType, 'n must be a non-negative integer');
    if (k < 0n) raise(valueErrorType, 'k must be a non-negative integer');
    if (k > n) return newInt(0n);
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return newInt(r);
  });
  def('fsum', (a) => {
    // Shewchuk's exact summation, as msum in mathmodule.c
    const partials: number[] = [];
    let special = 0;
    let infSum = 0;
    let sawSpecial = false;
    for (const o of toArray(a[0]!)) {
      let x = toFloat(o);
      const xsave = x;
      if (!Number.isFinite(x)) {
        // inf and nan are summed apart; inf - inf is the ValueError below
        if (x === Infinity || x === -Infinity) infSum += x;
        special += x;
        sawSpecial = true;
        partials.length = 0;
        continue;
      }
      let i = 0;
      for (let y of partials) {
        if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
        const hi = x + y;
        const lo = y - (hi - x);
        if (lo) partials[i++] = lo;
        x = hi;
      }
      partials.length = i;
      if (x !== 0) {
        if (!Number.isFinite(x)) {
          // the sum overflowed although every input is finite
          if (Number.isFinite(xsave)) raise(overflowErrorType, 'intermediate overflow in fsum');
          special += xsave;
          sawSpecial = true;
        } else partials.push(x);
      }
    }
    if (sawSpecial) {
      if (infSum !== infSum) raise(valueErrorType, '-inf + inf in fsum');
      return new PyFloat(special);
    }
    let hi = 0;
    let n = partials.length;
    if (n > 0) {
      hi = partials[--n]!;
      let lo = 0;
      while (n > 0) {
        const x = hi;
        const y = partials[--n]!;
        hi = x + y;
        const yr = hi - x;
        lo = y - yr;
        if (lo) break;
      }
      if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
        const y = lo * 2;
        const x = hi + y;
        const yr = x - hi;
        if (y === yr) hi = x;
      }
    }
    return new PyFloat(hi);
  });
  def('prod', (a, kw) => {
    let acc: PyObject = kw?.get('start') ?? newInt(1n);
    for (const v of toArray(a[0]!)) acc = binaryOp(acc, v, NB_MULTIPLY);
    return acc;
  });
  def('modf', (a) => {
    const x = toFloat(a[0]!);
    if (!Number.isFinite(x)) return newTuple([new PyFloat(x !== x ? x : x > 0 ? 0 : -0), new PyFloat(x)]);
    const i = Math.trunc(x);
    return newTuple([new PyFloat(x - i), new PyFloat(i)]);
  });
  def('frexp', (a) => {
    const x = toFloat(a[0]!);
    if (x === 0 || !Number.isFinite(x)) return newTuple([new PyFloat(x), newInt(0n)]);
    let e = Math.ceil(Math.log2(Math.abs(x)));
    let mant = x / 2 ** e;
    while (Math.abs(mant) >= 1) {
      mant /= 2;
      e++;
    }
    while (Math.abs(mant) < 0.5) {
      mant *= 2;
      e--;
    }
    return newTuple([new PyFloat(mant), newInt(BigInt(e))]);
  });
  def('ldexp', (a) => checked(toFloat(a[0]!) * 2 ** Number(intOf(a[1]!)), toFloat(a[0]!)));
  void isTrue;
  return m;
}
