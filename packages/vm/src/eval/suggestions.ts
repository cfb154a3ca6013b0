// "Did you mean: 'x'?" for uncaught NameError and AttributeError.
// CPython counterpart: Python/suggestions.c (levenshtein_distance, calculate_suggestions,
// offer_suggestions_for_name_error, offer_suggestions_for_attribute_error).
import { PyObject } from '../objects/object.js';
import { PyStr } from '../objects/str.js';
import { PyDict } from '../objects/dict.js';
import { PyTraceback } from '../objects/traceback.js';
import { PyBaseException, attributeErrorType, nameErrorType } from '../objects/exception-types.js';
import { toArray } from '../protocols/iter.js';
import { callSpecial } from '../protocols/call.js';

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  if (a >= 65 && a <= 90) a += 32;
  if (b >= 65 && b <= 90) b += 32;
  return a === b ? CASE_COST : MOVE_COST;
}

function levenshtein(x: Uint8Array, y: Uint8Array, maxCost: number): number {
  let a = x;
  let b = y;
  let as = 0;
  let ae = a.length;
  let bs = 0;
  let be = b.length;
  while (as < ae && bs < be && a[as] === b[bs]) {
    as++;
    bs++;
  }
  while (as < ae && bs < be && a[ae - 1] === b[be - 1]) {
    ae--;
    be--;
  }
  let aSize = ae - as;
  let bSize = be - bs;
  if (aSize === 0 || bSize === 0) return (aSize + bSize) * MOVE_COST;
  if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) return maxCost + 1;
  a = a.subarray(as, ae);
  b = b.subarray(bs, be);
  if (bSize < aSize) {
    [a, b] = [b, a];
    [aSize, bSize] = [bSize, aSize];
  }
  if ((bSize - aSize) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  let tmp = MOVE_COST;
  for (let i = 0; i < aSize; i++) {
    buffer[i] = tmp;
    tmp += MOVE_COST;
  }
  let result = 0;
  for (let bi = 0; bi < bSize; bi++) {
    const code = b[bi]!;
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < aSize; i++) {
      const substitute = distance + substitutionCost(code, a[i]!);
      distance = buffer[i]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

const enc = new TextEncoder();

function calculate(dir: string[], name: string): string | null {
  if (dir.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = enc.encode(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of dir) {
    if (item === name) continue;
    const itemBytes = enc.encode(item);
    let maxDistance = Math.floor(((nameBytes.length + itemBytes.length + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(nameBytes, itemBytes, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

function strKeys(d: PyDict): string[] {
  return d.keyList().filter((k): k is PyStr => k instanceof PyStr).map((k) => k.value);
}

/** The suggestion for an exception about to be displayed, or null. */
export function offerSuggestion(exc: PyObject): string | null {
  if (!(exc instanceof PyBaseException) || !(exc.dict instanceof PyDict)) return null;
  const nameObj = exc.dict.getStr('name');
  if (!(nameObj instanceof PyStr)) return null;
  const name = nameObj.value;
  try {
    if (exc.type.isSubtype(nameErrorType)) {
      let tb = exc.traceback as PyTraceback | null;
      if (tb === null) return null;
      while (tb.next !== null) tb = tb.next;
      const f = tb.frame;
      const co = f.code;
      const varnames = co.localsplusNames.filter((_, i) => co.isLocal(i));
      return calculate(varnames, name) ?? calculate(strKeys(f.globals), name) ?? calculate(strKeys(f.builtins), name);
    }
    if (exc.type.isSubtype(attributeErrorType)) {
      const obj = exc.dict.getStr('obj');
      if (obj === undefined) return null;
      const dirFn = obj.type.lookup('__dir__');
      if (dirFn === undefined) return null;
      const names = toArray(callSpecial(dirFn, obj, [])).filter((k): k is PyStr => k instanceof PyStr).map((k) => k.value).sort();
      return calculate(names, name);
    }
  } catch {
    return null;
  }
  return null;
}
