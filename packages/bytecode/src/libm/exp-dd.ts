// The fast path of crExp (Ziv's strategy, as trig-dd.ts for sin/cos/tan): exp in double-double
// with a rigorous error bound; crExp falls back to its BigInt evaluation when the result is too close
// to a rounding boundary. Also the exp step of the log and pow fast paths (log-dd.ts).
import { ddLow, ddMul, roundIfDecided } from './double-double.js';
import { factorialSeries } from './taylor.js';

/** The fast path's range: the result stays a normal double (and |k| < 2**17 below). */
export const EXP_DD_MIN = -708;
export const EXP_DD_MAX = 709.7;

const INV_LN2_64 = 92.33248261689366; // 64/ln2 rounded
// ln2/64 = LN2_64_1 + LN2_64_2 + LN2_64_3 + (< 2**-142): the first two have 36 significant bits, so
// k * LN2_64_i is exact for |k| < 2**17 (Cody-Waite)
const LN2_64_1 = 0xb17217f7d * 2 ** -42;
const LN2_64_2 = 0xe7bcd5e4f * 2 ** -81;
const LN2_64_3 = 0xece600fcbdabd * 2 ** -136;
export const LN2_64_PARTS = new Float64Array([LN2_64_1, LN2_64_2, LN2_64_3]);

/** 2**(j/64) as a double-double, j = 0..63 (rounded from exact integer 64th roots; see the test). */
export const EXP2_J64_HI = new Float64Array([
  1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284, 1.0442737824274138, 1.0556451783605572,
  1.0671404006768237, 1.0787607977571199, 1.0905077326652577, 1.102382583307841, 1.1143867425958924,
  1.1265216186082418, 1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
  1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687, 1.241857812073484,
  1.255380757024691, 1.2690509571917332, 1.2828700160787783, 1.2968395546510096, 1.3109612115247644,
  1.3252366431597413, 1.339667524053303, 1.3542555469368927, 1.3690024229745905, 1.383909881963832,
  1.3989796725383112, 1.4142135623730951, 1.42961333839197, 1.4451808069770467, 1.460917794180647,
  1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384, 1.5422108254079407,
  1.559004400237837, 1.5759808451078865, 1.593142151342267, 1.6104903319492543, 1.6280274218573478,
  1.645755478153965, 1.6636765803267364, 1.681792830507429, 1.7001063537185235, 1.718619298122478,
  1.7373338352737062, 1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
  1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656, 1.9152065613971474,
  1.9360617934922943, 1.9571441241754002, 1.978456026387951,
]);
export const EXP2_J64_LO = new Float64Array([
  0.0, -1.5234778603368577e-17, 5.109225028973444e-17, 7.600838874027088e-18, 8.551889705537965e-17,
  1.759325738772092e-18, -7.899853966841582e-17, -6.656660436056593e-17, -3.046782079812471e-17,
  5.2660368715706944e-17, 1.0410278456845571e-16, 5.165856758795457e-17, 8.912812676025408e-17,
  3.250710218863827e-17, 3.8292048369240935e-17, 5.554203254218079e-17, 3.982015231465646e-17,
  6.644981499252301e-17, -7.712630692681488e-17, -1.89878163130253e-17, 4.658027591836937e-17,
  -6.7113898212968784e-18, 2.667932131342186e-18, 1.713594918243561e-17, 2.5382502794888315e-17,
  -7.181536135519454e-17, -2.8587312100388614e-17, 8.927282594831732e-17, 7.70094837980299e-17,
  9.593797919118849e-17, -6.770511658794786e-17, -9.614213209051323e-17, -9.667293313452913e-17,
  -1.2031642489053655e-17, -3.0237581349939873e-17, -5.600377186075216e-17, -3.483994556892796e-17,
  1.4192920154284036e-17, -1.016455327754295e-16, -1.1024941712342561e-16, 7.949834809697621e-17,
  3.7812070533575275e-17, -1.0136916471278304e-17, -1.0094406542311964e-16, 2.4707192569797888e-17,
  -6.712955084707084e-17, -1.0125679913674773e-16, 5.8909926967131e-17, 8.199010020581497e-17,
  -8.0237193703977e-18, -1.851380418263111e-17, 3.164389299292957e-17, 2.960140695448873e-17,
  6.429731796556572e-17, 1.8227458427912087e-17, -9.969531538920349e-17, 3.283107224245627e-17,
  9.761887490727594e-17, -6.122763413004143e-17, 3.4034035352165297e-17, -1.0619946056195963e-16,
  1.0332385960676326e-16, 8.960767791036668e-17, 4.0388753109278167e-17,
]);

/**
 * Relative error of exp(r) * 2**(j/64) as evaluated, apart from the reduction's: 6 double-double
 * Horner steps within 12u**2 each (taylor.ts), the double-precision tail (< 2**-104) and the
 * truncation (< 2**-119), the table's and the coefficients' rounding (< 2**-104), the final product
 * (8u**2): under 2**-99. 2**-96 leaves a factor 8.
 */
const EXP_POLY_REL_ERR = 2 ** -96;

/** exp(r) = sum r**n / n!, |r| <= ln2/128 + tiny: terms n < 6 in double-double (r**6/6! < 2**-54.5) */
const EXP_DD_TERMS = 6;
const EXP_TERMS = 13; // r**13/13! < 2**-130

/** 2**e for e = -1074..1023 at index e + 1074: Math.pow with a variable exponent is a slow call. */
const POW2 = new Float64Array(2098);
{
  let p = 2 ** -1074;
  for (let i = 0; i < 2098; i++, p *= 2) POW2[i] = p;
}

/** 2**e exactly, for an integer -1074 <= e <= 1023. */
export function pow2(e: number): number {
  return POW2[e + 1074]!;
}

/** The power of two and the relative error bound of the last expDd. */
export const expDdScale = new Float64Array(2);
const SCALE_EXP = 0;
const SCALE_REL_ERR = 1;

/**
 * exp(xh + xl) = (returned + ddLow[0]) * 2**expDdScale[0], the double-double in [0.99, 2.02), within
 * a relative error expDdScale[1]. Needs |xh| < 745 (so |k| < 2**17); |xl| <= ulp(xh).
 */
export function expDd(xh: number, xl: number): number {
  const k = Math.round(xh * INV_LN2_64);
  // x - k ln2/64 as a double-double: xh - k LN2_64_1 is exact (Sterbenz), then two-sums of the exact
  // k LN2_64_2, the rounded k LN2_64_3 and xl, each with one rounding of the low parts' sum
  let hi = xh - k * LN2_64_1;
  let lo = 0;
  const k3 = -k * LN2_64_3;
  let err = Math.abs(k) * 2 ** -142 + Math.abs(k3) * 2 ** -53;
  for (let step = 0; step < 3; step++) {
    const t = step === 0 ? -k * LN2_64_2 : step === 1 ? k3 : xl;
    const s = hi + t;
    let bb = s - hi;
    const sum = lo + (hi - (s - bb) + (t - bb));
    err += Math.abs(sum) * 2 ** -52;
    hi = s + sum;
    bb = hi - s;
    lo = s - (hi - bb) + (sum - bb);
  }
  const eh = factorialSeries(hi, lo, 0, 1, EXP_DD_TERMS, EXP_TERMS);
  const j = k & 63;
  const mh = ddMul(EXP2_J64_HI[j]!, EXP2_J64_LO[j]!, eh, ddLow[0]!);
  // an absolute error err in r is a relative error err * (1 + err) in exp(r)
  expDdScale[SCALE_EXP] = k >> 6;
  expDdScale[SCALE_REL_ERR] = EXP_POLY_REL_ERR + err * 1.01;
  return mh;
}

/**
 * The correctly rounded exp(x) for EXP_DD_MIN <= x <= EXP_DD_MAX, or NaN when the double-double
 * result is too close to a rounding boundary to decide.
 */
export function expFast(x: number): number {
  const mh = expDd(x, 0);
  // the mantissa rounds as the result does: scaling a normal double by 2**e is exact
  const m = roundIfDecided(mh, ddLow[0]!, expDdScale[SCALE_REL_ERR]! * mh);
  return m * pow2(expDdScale[SCALE_EXP]!);
}
