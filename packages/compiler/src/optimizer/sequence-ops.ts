// The sequence protocol over constants (sq_concat, sq_repeat, sq_item) for str, bytes and tuple.
// str is indexed and measured by code point, as CPython does. null: CPython would raise.
import { Kind, PyBytes, PyInt, PyStr, PyTuple, strCodePoints, type PyValue } from '@tspyc/bytecode';
import { intValue, isInt } from './number-protocol.js';
import { joinNeedsCodePoints, strFromCodePoints } from './str-code-points.js';

const SSIZE_MAX = (1n << 63n) - 1n;

export type Sequence = PyStr | PyBytes | PyTuple;

export function isSequence(v: PyValue): v is Sequence {
  return v.kind === Kind.Str || v.kind === Kind.Bytes || v.kind === Kind.Tuple;
}

/** len(): code points for str */
export function sequenceLength(v: Sequence): number {
  if (v.kind === Kind.Str) return /[\ud800-\udfff]/.test(v.value) ? strCodePoints(v).length : v.value.length;
  if (v.kind === Kind.Bytes) return v.value.length;
  return v.items.length;
}

export function sequenceConcat(v: PyValue, w: PyValue): PyValue | null {
  if (v.kind === Kind.Str && w.kind === Kind.Str) {
    return joinNeedsCodePoints(v, w) ? strFromCodePoints([...strCodePoints(v), ...strCodePoints(w)]) : new PyStr(v.value + w.value);
  }
  if (v.kind === Kind.Bytes && w.kind === Kind.Bytes) {
    const out = new Uint8Array(v.value.length + w.value.length);
    out.set(v.value);
    out.set(w.value, v.value.length);
    return new PyBytes(out);
  }
  if (v.kind === Kind.Tuple && w.kind === Kind.Tuple) return new PyTuple([...v.items, ...w.items]);
  return null;
}

/** seq * n: the count must fit a Py_ssize_t and so must the result's size. */
export function sequenceRepeat(seq: Sequence, count: bigint): PyValue | null {
  if (count > SSIZE_MAX || count < -SSIZE_MAX - 1n) return null; // OverflowError
  const n = count < 0n ? 0n : count;
  const len = sequenceLength(seq);
  if (len === 0 || n === 0n) {
    if (seq.kind === Kind.Str) return new PyStr('');
    if (seq.kind === Kind.Bytes) return new PyBytes(new Uint8Array(0));
    return new PyTuple([]);
  }
  if (BigInt(len) * n > 1n << 32n) return null; // MemoryError here; never reached past safe_multiply
  const times = Number(n);
  if (seq.kind === Kind.Str) {
    if (!joinNeedsCodePoints(seq, seq)) return new PyStr(seq.value.repeat(times));
    const cps = strCodePoints(seq);
    return strFromCodePoints(Array.from({ length: times }, () => cps).flat());
  }
  if (seq.kind === Kind.Bytes) {
    const out = new Uint8Array(len * times);
    for (let i = 0; i < times; i++) out.set(seq.value, i * len);
    return new PyBytes(out);
  }
  const items: PyValue[] = [];
  for (let i = 0; i < times; i++) items.push(...seq.items);
  return new PyTuple(items);
}

/** seq[index] for an int index (PyObject_GetItem); null for IndexError and TypeError. */
export function sequenceItem(seq: PyValue, index: PyValue): PyValue | null {
  if (!isSequence(seq) || !isInt(index)) return null;
  let i = intValue(index);
  const len = BigInt(sequenceLength(seq));
  if (i < 0n) i += len;
  if (i < 0n || i >= len) return null;
  const k = Number(i);
  if (seq.kind === Kind.Str) return strFromCodePoints([strCodePoints(seq)[k]!]);
  if (seq.kind === Kind.Bytes) return new PyInt(BigInt(seq.value[k]!));
  return seq.items[k]!;
}
