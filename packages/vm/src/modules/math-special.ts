// math's special functions as CPython 3.11 computes them: erf/erfc by series and continued
// fraction, gamma/lgamma by the Lanczos approximation. CPython counterpart: Modules/mathmodule.c
// (m_erf_series, m_erfc_contfrac, lanczos_sum, m_tgamma, m_lgamma).
import { raise } from '../errors.js';
import { overflowErrorType, valueErrorType } from '../objects/exception-types.js';

const SQRTPI = 1.772453850905516027298167483341145182798;
const LOGPI = 1.144729885849400174143427351353058711647;
const ERF_SERIES_CUTOFF = 1.5;
const ERF_SERIES_TERMS = 25;
const ERFC_CONTFRAC_CUTOFF = 30.0;
const ERFC_CONTFRAC_TERMS = 50;

function erfSeries(x: number): number {
  const x2 = x * x;
  let acc = 0.0;
  let fk = ERF_SERIES_TERMS + 0.5;
  for (let i = 0; i < ERF_SERIES_TERMS; i++) {
    acc = 2.0 + (x2 * acc) / fk;
    fk -= 1.0;
  }
  return (acc * x * Math.exp(-x2)) / SQRTPI;
}

function erfcContfrac(x: number): number {
  if (x >= ERFC_CONTFRAC_CUTOFF) return 0.0;
  const x2 = x * x;
  let a = 0.0;
  let da = 0.5;
  let p = 1.0;
  let pLast = 0.0;
  let q = da + x2;
  let qLast = 1.0;
  for (let i = 0; i < ERFC_CONTFRAC_TERMS; i++) {
    a += da;
    da += 2.0;
    const b = da + x2;
    let temp = p;
    p = b * p - a * pLast;
    pLast = temp;
    temp = q;
    q = b * q - a * qLast;
    qLast = temp;
  }
  return ((p / q) * x * Math.exp(-x2)) / SQRTPI;
}

export function erf(x: number): number {
  if (x !== x) return x;
  const absx = Math.abs(x);
  if (absx < ERF_SERIES_CUTOFF) return erfSeries(x);
  const cf = erfcContfrac(absx);
  return x > 0.0 ? 1.0 - cf : cf - 1.0;
}

export function erfc(x: number): number {
  if (x !== x) return x;
  const absx = Math.abs(x);
  if (absx < ERF_SERIES_CUTOFF) return 1.0 - erfSeries(x);
  const cf = erfcContfrac(absx);
  return x > 0.0 ? cf : 2.0 - cf;
}

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
  1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
  51090942171709440000.0, 1124000727777607680000.0,
];

function lanczosSum(x: number): number {
  let num = 0.0;
  let den = 0.0;
  const n = LANCZOS_NUM.length;
  if (x < 5.0) {
    for (let i = n; --i >= 0; ) {
      num = num * x + LANCZOS_NUM[i]!;
      den = den * x + LANCZOS_DEN[i]!;
    }
  } else {
    for (let i = 0; i < n; i++) {
      num = num / x + LANCZOS_NUM[i]!;
      den = den / x + LANCZOS_DEN[i]!;
    }
  }
  return num / den;
}

/** sin(pi * x), exact at the integers and half-integers (m_sinpi). */
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0: r = Math.sin(Math.PI * y); break;
    case 1: r = Math.cos(Math.PI * (y - 0.5)); break;
    case 2: r = Math.sin(Math.PI * (1.0 - y)); break;
    case 3: r = -Math.cos(Math.PI * (y - 1.5)); break;
    case 4: r = Math.sin(Math.PI * (y - 2.0)); break;
    default: r = 0;
  }
  return (x < 0 ? -1 : 1) * r; // copysign(1.0, x) * r
}

export function gamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x) return x;
    if (x > 0) return x;
    raise(valueErrorType, 'math domain error');
  }
  if (x === 0) raise(valueErrorType, 'math domain error');
  if (x === Math.floor(x)) {
    if (x < 0.0) raise(valueErrorType, 'math domain error');
    if (x <= GAMMA_INTEGRAL.length) return GAMMA_INTEGRAL[x - 1]!;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    if (!Number.isFinite(r)) raise(overflowErrorType, 'math range error');
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    raise(overflowErrorType, 'math range error');
  }
  const y = absx + LANCZOS_G_MINUS_HALF;
  let q: number;
  if (absx > LANCZOS_G_MINUS_HALF) {
    q = y - absx;
    q = q - LANCZOS_G_MINUS_HALF;
  } else {
    q = y - LANCZOS_G_MINUS_HALF;
    q = q - absx;
  }
  const z = (q * LANCZOS_G) / y;
  let r: number;
  if (x < 0.0) {
    r = -Math.PI / sinpi(absx) / absx * Math.exp(y) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / Math.exp(y);
    r += z * r;
    if (absx < 140.0) r *= Math.pow(y, absx - 0.5);
    else {
      const sqrtpow = Math.pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (!Number.isFinite(r)) raise(overflowErrorType, 'math range error');
  return r;
}

export function lgamma(x: number): number {
  if (!Number.isFinite(x)) {
    if (x !== x) return x;
    return Infinity;
  }
  if (x === Math.floor(x) && x <= 2.0) {
    if (x <= 0.0) raise(valueErrorType, 'math domain error');
    return 0.0;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) return -Math.log(absx);
  let r = Math.log(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (Math.log(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = LOGPI - Math.log(Math.abs(sinpi(absx))) - Math.log(absx) - r;
  if (!Number.isFinite(r)) raise(overflowErrorType, 'math range error');
  return r;
}
