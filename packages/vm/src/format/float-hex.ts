// float.hex() and float.fromhex(). CPython counterpart: Objects/floatobject.c (float_hex,
// float_fromhex).
import { raise } from '../errors.js';
import { overflowErrorType, valueErrorType } from '../objects/exception-types.js';

/** float.hex: 0x1.<13 hex digits>p±e, subnormals as 0x0.…p-1022. */
export function floatHex(x: number): string {
  if (x !== x) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0x0.0p+0`;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  let e = (hi >>> 20) & 0x7ff;
  const mant = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, '0');
  let lead = '1';
  if (e === 0) {
    lead = '0';
    e = 1;
  }
  const exp = e - 1023;
  return `${sign}0x${lead}.${mant}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/** float.fromhex */
export function floatFromHex(text: string): number {
  const s = text.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const v = special[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -v : v;
  }
  const m = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) raise(valueErrorType, 'invalid hexadecimal floating-point string');
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let mant = digits === '' ? 0n : BigInt('0x' + digits);
  let exp = (m[4] === undefined ? 0 : Number(m[4])) - 4 * (m[3] ?? '').length;
  if (mant === 0n) return m[1] === '-' ? -0 : 0;
  // keep 55 significant bits (53 + guard + sticky) so one rounding gives the correctly rounded value
  const bits = mant.toString(2).length;
  if (bits > 55) {
    const drop = BigInt(bits - 55);
    const sticky = (mant & ((1n << drop) - 1n)) !== 0n ? 1n : 0n;
    mant = (mant >> drop) | sticky;
    exp += Number(drop);
  }
  let v = Number(mant);
  while (exp > 1000) {
    v *= 2 ** 1000;
    exp -= 1000;
  }
  while (exp < -1000) {
    v *= 2 ** -1000;
    exp += 1000;
  }
  v *= 2 ** exp;
  if (!Number.isFinite(v)) raise(overflowErrorType, 'hexadecimal value too large to represent as a float');
  return m[1] === '-' ? -v : v;
}
