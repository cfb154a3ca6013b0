// Correctly rounded decimal formatting of doubles ('f', 'e', 'g' and round()), round-half-even on
// the exact binary value as CPython's dtoa-based PyOS_double_to_string does.
// CPython counterpart: Python/pystrtod.c, Python/dtoa.c.

/** x (finite, >= 0) exactly as D / 10**k. */
function exactDecimal(x: number): { d: bigint; k: number } {
  if (x === 0) return { d: 0n, k: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = bexp - 1075;
  }
  if (e >= 0) return { d: mant << BigInt(e), k: 0 };
  return { d: mant * 5n ** BigInt(-e), k: -e };
}

/** n / 10**p rounded half-even. */
function roundDiv(n: bigint, p: number): bigint {
  if (p <= 0) return n * 10n ** BigInt(-p);
  const div = 10n ** BigInt(p);
  const q = n / div;
  const r = n % div;
  const twice = r * 2n;
  if (twice > div || (twice === div && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Digits of |x| with `prec` digits after the point ('f'). */
export function toFixed(x: number, prec: number): string {
  const { d, k } = exactDecimal(Math.abs(x));
  const n = roundDiv(d, k - prec);
  let s = n.toString();
  if (prec === 0) return s;
  if (s.length <= prec) s = '0'.repeat(prec - s.length + 1) + s;
  return `${s.slice(0, s.length - prec)}.${s.slice(s.length - prec)}`;
}

/** |x| rounded to `sig` significant digits: the digit string and the decimal exponent of its first digit. */
export function toSignificant(x: number, sig: number): { digits: string; exp: number } {
  const { d, k } = exactDecimal(Math.abs(x));
  if (d === 0n) return { digits: '0'.repeat(sig), exp: 0 };
  const n = d.toString().length;
  let r = roundDiv(d, n - sig);
  let exp = n - k - 1;
  let s = r.toString();
  if (s.length > sig) {
    // rounding carried into a new digit (9.99 → 10.0)
    r = r / 10n;
    s = r.toString();
    exp++;
  }
  return { digits: s, exp };
}

/** 'e' format of |x| with `prec` digits after the point. */
export function toExponential(x: number, prec: number, upper = false, alt = false): string {
  const { digits, exp } = toSignificant(x, prec + 1);
  let mant = digits[0]!;
  if (prec > 0) mant += '.' + digits.slice(1);
  else if (alt) mant += '.';
  const e = Math.abs(exp);
  return `${mant}${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
}

/** 'g' format of |x| with precision `prec`. */
export function toGeneral(x: number, prec: number, upper = false, alt = false): string {
  if (prec === 0) prec = 1;
  if (x === 0) {
    return alt ? '0.' + '0'.repeat(prec - 1) : '0';
  }
  const { exp } = toSignificant(x, prec);
  let s: string;
  if (exp >= -4 && exp < prec) {
    s = toFixed(x, prec - 1 - exp);
    if (alt && !s.includes('.')) s += '.';
  } else {
    s = toExponential(x, prec - 1, upper, alt);
  }
  if (!alt) s = stripZeros(s);
  return s;
}

function stripZeros(s: string): string {
  const e = s.search(/[eE]/);
  let mant = e >= 0 ? s.slice(0, e) : s;
  const tail = e >= 0 ? s.slice(e) : '';
  if (mant.includes('.')) {
    mant = mant.replace(/0+$/, '');
    if (mant.endsWith('.')) mant = mant.slice(0, -1);
  }
  return mant + tail;
}

/** round(x, ndigits) for floats: correctly rounded, half-even on the exact value. */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 330) return x;
  if (ndigits < -330) return x < 0 ? -0 : 0;
  const neg = x < 0;
  let r: number;
  if (ndigits >= 0) r = Number(toFixed(x, ndigits));
  else {
    const { d, k } = exactDecimal(Math.abs(x));
    const n = roundDiv(d, k - ndigits);
    r = Number(n * 10n ** BigInt(-ndigits));
  }
  if (neg) r = -r;
  return r === 0 ? (neg ? -0 : 0) : r;
}
