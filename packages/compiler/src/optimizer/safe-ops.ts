// ast_opt.c's guards against folding constants that would be costly to build or to keep: ints
// above MAX_INT_SIZE bits, collections above MAX_COLLECTION_SIZE items (MAX_TOTAL_ITEMS counting
// nested ones), strings above MAX_STR_SIZE characters; str/bytes % is never folded.
import { Kind, type PyValue } from '@tspyc/bytecode';
import { bitLength } from './float-round.js';
import { intValue, isInt, numberBinaryOp } from './number-protocol.js';
import { isSequence, sequenceLength, sequenceRepeat } from './sequence-ops.js';

export const MAX_INT_SIZE = 128; /* bits */
export const MAX_COLLECTION_SIZE = 256; /* items */
export const MAX_STR_SIZE = 4096; /* characters */
export const MAX_TOTAL_ITEMS = 1024; /* including nested collections */

const LONG_MAX = (1n << 63n) - 1n;
const SIZE_MAX = (1n << 64n) - 1n;

/**
 * check_complexity: the limit minus the items of `obj` and of its nested tuples and frozensets,
 * negative once the limit is exceeded (the count stops there).
 */
export function checkComplexity(obj: PyValue, limit: number): number {
  if (obj.kind === Kind.Tuple || obj.kind === Kind.FrozenSet) {
    limit -= obj.items.length;
    for (let i = 0; limit >= 0 && i < obj.items.length; i++) limit = checkComplexity(obj.items[i]!, limit);
  }
  return limit;
}

/** PyNumber_Multiply: numbers, or a sequence repeated */
function multiply(v: PyValue, w: PyValue): PyValue | null {
  if (isInt(v) && isSequence(w)) return sequenceRepeat(w, intValue(v));
  if (isSequence(v) && isInt(w)) return sequenceRepeat(v, intValue(w));
  return numberBinaryOp('Mult', v, w);
}

/** C integer division, as the limits are computed */
const cdiv = (a: number, b: number): number => Math.trunc(a / b);

export function safeMultiply(v: PyValue, w: PyValue): PyValue | null {
  if (isInt(v) && isInt(w) && intValue(v) !== 0n && intValue(w) !== 0n) {
    if (bitLength(intValue(v)) + bitLength(intValue(w)) > MAX_INT_SIZE) return null;
  } else if (isInt(v) && (w.kind === Kind.Tuple || w.kind === Kind.FrozenSet)) {
    const size = w.items.length;
    if (size) {
      const n = intValue(v);
      // PyLong_AsLong: an overflow is an error, refused like a negative count
      if (n < 0n || n > LONG_MAX || n > BigInt(cdiv(MAX_COLLECTION_SIZE, size))) return null;
      if (n && checkComplexity(w, cdiv(MAX_TOTAL_ITEMS, Number(n))) < 0) return null;
    }
  } else if (isInt(v) && (w.kind === Kind.Str || w.kind === Kind.Bytes)) {
    const size = sequenceLength(w);
    if (size) {
      const n = intValue(v);
      if (n < 0n || n > LONG_MAX || n > BigInt(cdiv(MAX_STR_SIZE, size))) return null;
    }
  } else if (isInt(w) && (v.kind === Kind.Tuple || v.kind === Kind.FrozenSet || v.kind === Kind.Str || v.kind === Kind.Bytes)) {
    return safeMultiply(w, v);
  }
  return multiply(v, w);
}

export function safePower(v: PyValue, w: PyValue): PyValue | null {
  if (isInt(v) && isInt(w) && intValue(v) !== 0n && intValue(w) > 0n) {
    const vbits = bitLength(intValue(v));
    const wbits = intValue(w);
    if (wbits > SIZE_MAX) return null; // PyLong_AsSize_t overflows
    if (BigInt(vbits) > BigInt(MAX_INT_SIZE) / wbits) return null;
  }
  return numberBinaryOp('Pow', v, w);
}

export function safeLShift(v: PyValue, w: PyValue): PyValue | null {
  if (isInt(v) && isInt(w) && intValue(v) !== 0n && intValue(w) !== 0n) {
    const vbits = bitLength(intValue(v));
    const wbits = intValue(w);
    if (wbits < 0n || wbits > SIZE_MAX) return null; // PyLong_AsSize_t fails
    if (wbits > BigInt(MAX_INT_SIZE) || BigInt(vbits) > BigInt(MAX_INT_SIZE) - wbits) return null;
  }
  return numberBinaryOp('LShift', v, w);
}

export function safeMod(v: PyValue, w: PyValue): PyValue | null {
  // printf-style formatting is left to run time
  if (v.kind === Kind.Str || v.kind === Kind.Bytes) return null;
  return numberBinaryOp('Mod', v, w);
}
