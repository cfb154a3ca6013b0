// repr(float) and the 'r' format of CPython: the shortest string that round-trips, switching to
// exponent notation when the decimal point is 4+ places left or 16+ places right of the digits.
// CPython counterpart: Python/pystrtod.c (PyOS_double_to_string with 'r'), Objects/floatobject.c.

/** Shortest round-trip digits and decimal exponent: x = 0.d1d2… × 10**decpt. */
function shortestDigits(x: number): { digits: string; decpt: number } {
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  return { digits, decpt: Number(exp) + 1 };
}

/**
 * Format a finite or special double as CPython's 'r' format does. `addDot0` appends '.0' to an
 * integral fixed-point result (float repr); complex repr leaves it off.
 */
export function formatFloatRepr(x: number, addDot0 = true): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + (addDot0 ? '0.0' : '0');
  const { digits, decpt } = shortestDigits(Math.abs(x));
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const mant = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const e = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (digits.length <= decpt) {
    const int = digits + '0'.repeat(decpt - digits.length);
    return sign + int + (addDot0 ? '.0' : '');
  }
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** repr(complex) */
export function formatComplexRepr(real: number, imag: number): string {
  const im = formatFloatRepr(imag, false);
  if (real === 0 && !Object.is(real, -0)) return `${im}j`;
  // The imaginary part always carries a sign (Py_DTSF_SIGN), nan included.
  const re = formatFloatRepr(real, false);
  return `(${re}${im.startsWith('-') ? '' : '+'}${im}j)`;
}
