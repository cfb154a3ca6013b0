// list's and tuple's methods. CPython counterpart: Objects/listobject.c (list_methods, list_sort
// — stable, `<` only), Objects/tupleobject.c.
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType } from './object.js';
import { PyInt, intFromNumber, pyBool, True, False } from './int.js';
import { PyStr, newStr } from './str.js';
import { PyList, listType } from './list.js';
import { PyTuple, tupleType, newTuple, EMPTY_TUPLE } from './tuple.js';
import { PySlice, sliceArray, sliceIndices } from './slice.js';
import { PyReversedIter } from './reversed-iter.js';
import { repeatCount, repeatItems } from './seq-repeat.js';
import { checkArity, defMethod, defMethodNoArgs, noKeywords, rangeArity, type Kwargs } from './native.js';
import { PyArrayIter, listIteratorType, tupleIteratorType, listReverseIteratorType } from './iterators.js';
import { indexErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { repr, withReprGuard } from '../protocols/repr.js';
import { indexOrTypeError, asJsIndex } from '../protocols/number.js';
import { toArray, toArrayWithHint } from '../protocols/iter.js';
import { pyEq, pyLt, richCompare, richCompareBool, CMP_EQ, CMP_NE, cmpResult } from '../protocols/compare.js';
import { tupleHash } from '../protocols/hash.js';
import { callObject } from '../protocols/call.js';
import { isTrue } from '../protocols/truth.js';

/** Stable merge sort using only `<` (as list.sort does). */
export function sortItems(items: PyObject[], keys: PyObject[] | null, reverse: boolean): void {
  const n = items.length;
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const k = keys ?? items;
  if (reverse) idx.reverse();
  const tmp = new Array<number>(n);
  const merge = (lo: number, mid: number, hi: number) => {
    let i = lo;
    let j = mid;
    let o = lo;
    while (i < mid && j < hi) {
      if (pyLt(k[idx[j]!]!, k[idx[i]!]!)) tmp[o++] = idx[j++]!;
      else tmp[o++] = idx[i++]!;
    }
    while (i < mid) tmp[o++] = idx[i++]!;
    while (j < hi) tmp[o++] = idx[j++]!;
    for (let x = lo; x < hi; x++) idx[x] = tmp[x]!;
  };
  // bottom-up, starting with insertion-sorted runs of 8
  for (let lo = 0; lo < n; lo += 8) {
    const hi = Math.min(lo + 8, n);
    for (let i = lo + 1; i < hi; i++) {
      const v = idx[i]!;
      let j = i - 1;
      while (j >= lo && pyLt(k[v]!, k[idx[j]!]!)) {
        idx[j + 1] = idx[j]!;
        j--;
      }
      idx[j + 1] = v;
    }
  }
  for (let width = 8; width < n; width *= 2) {
    for (let lo = 0; lo < n - width; lo += 2 * width) merge(lo, lo + width, Math.min(lo + 2 * width, n));
  }
  if (reverse) idx.reverse();
  const copy = items.slice();
  for (let i = 0; i < n; i++) items[i] = copy[idx[i]!]!;
}

function seqRepr(items: PyObject[], open: string, close: string, self: PyObject): string {
  return withReprGuard(self, `${open}...${close}`, () => {
    const parts = items.map(repr);
    if (open === '(' && parts.length === 1) return `(${parts[0]},)`;
    return `${open}${parts.join(', ')}${close}`;
  });
}

/**
 * list_richcompare / tuplerichcompare. The lengths are read again on every step: an item's __eq__
 * may shrink either list while they compare. The differing pair decides with `op` itself, whose
 * result (not necessarily a bool) is the answer.
 */
function seqCompare(a: PyObject[], b: PyObject[], op: number): PyObject {
  if (a.length !== b.length && (op === CMP_EQ || op === CMP_NE)) return pyBool(op === CMP_NE);
  let i = 0;
  for (; i < a.length && i < b.length; i++) if (!(a[i] === b[i] || richCompareBool(a[i]!, b[i]!, CMP_EQ))) break;
  if (i >= a.length || i >= b.length) return pyBool(cmpResult(a.length - b.length, op));
  if (op === CMP_EQ) return False;
  if (op === CMP_NE) return True;
  return richCompare(a[i]!, b[i]!, op);
}

function normIndex(i: number, n: number, what: string): number {
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(indexErrorType, `${what} index out of range`);
  return i;
}

function listNew(cls: PyType): PyObject {
  return new PyList([], cls);
}

/** list_ass_slice: self[slice] = src (the list's own items, or any iterable). */
export function listAssSlice(self: PyList, slice: PySlice, src: PyObject): void {
  const items = self.items;
  // PySequence_Fast(v, "can only assign an iterable")
  if (src.type.lookup('__iter__') === undefined && src.type.lookup('__getitem__') === undefined) raise(typeErrorType, 'can only assign an iterable');
  const vals = src === self ? items.slice() : toArray(src);
  const [start, stop, step, n] = sliceIndices(slice, items.length);
  if (step === 1) items.splice(start, Math.max(0, stop - start), ...vals);
  else {
    if (vals.length !== n) raise(valueErrorType, `attempt to assign sequence of size ${vals.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) items[j] = vals[i]!;
  }
}

function lst(o: PyObject): PyObject[] {
  return (o as PyList).items;
}

export function initList(): void {
  const t = listType;
  const listNewMethod = defMethod(t, '__new__', (a) => listNew(a[0] as PyType));
  defMethod(t, '__init__', (a, kw) => {
    const l = a[0] as PyList;
    // list___init__: keywords are refused unless a subclass's own __new__ may want them
    if (kw !== null && kw.size > 0 && l.type.lookup('__new__') === listNewMethod) noKeywords('list', kw);
    if (a.length > 2) rangeArity('list', 0, 1, a.length - 1);
    l.items.length = 0;
    if (a[1] !== undefined) for (const v of toArrayWithHint(a[1])) l.items.push(v);
    return None;
  });
  t.attrs.set('__hash__', None);
  defMethod(t, '__repr__', (a) => newStr(seqRepr(lst(a[0]!), '[', ']', a[0]!)));
  defMethod(t, '__len__', (a) => intFromNumber(lst(a[0]!).length));
  defMethod(t, '__iter__', (a) => new PyArrayIter(a[0] as PyList, listIteratorType));
  defMethodNoArgs(t, '__reversed__', (self) => new PyReversedIter(listReverseIteratorType, self, lst(self).length - 1));
  defMethod(t, '__contains__', (a) => pyBool(lst(a[0]!).some((v) => v === a[1] || pyEq(v, a[1]!))));
  defMethod(t, '__getitem__', (a) => {
    const items = lst(a[0]!);
    if (a[1] instanceof PySlice) return new PyList(sliceArray(items, a[1]));
    return items[normIndex(indexOrTypeError(a[1]!, 'list'), items.length, 'list')]!;
  });
  defMethod(t, '__setitem__', (a) => {
    const items = lst(a[0]!);
    if (a[1] instanceof PySlice) {
      listAssSlice(a[0] as PyList, a[1], a[2]!);
      return None;
    }
    items[normIndex(indexOrTypeError(a[1]!, 'list'), items.length, 'list assignment')] = a[2]!;
    return None;
  });
  defMethod(t, '__delitem__', (a) => {
    const items = lst(a[0]!);
    if (a[1] instanceof PySlice) {
      const [start, , step, n] = sliceIndices(a[1], items.length);
      if (step === 1) items.splice(start, n);
      else {
        const drop = new Set<number>();
        for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
        const keep = items.filter((_, i) => !drop.has(i));
        items.length = 0;
        items.push(...keep);
      }
      return None;
    }
    items.splice(normIndex(indexOrTypeError(a[1]!, 'list'), items.length, 'list assignment'), 1);
    return None;
  });
  defMethod(t, '__add__', (a) => (a[1] instanceof PyList ? new PyList([...lst(a[0]!), ...a[1].items]) : NotImplemented));
  defMethod(t, '__iadd__', (a) => {
    lst(a[0]!).push(...toArrayWithHint(a[1]!));
    return a[0]!;
  });
  const mul = (a: PyObject[]) => {
    const n = repeatCount(a[1]!);
    return n === null ? NotImplemented : new PyList(repeatItems(lst(a[0]!), n));
  };
  defMethod(t, '__mul__', mul);
  defMethod(t, '__rmul__', mul);
  defMethod(t, '__imul__', (a) => {
    const items = lst(a[0]!);
    const n = repeatCount(a[1]!);
    if (n === null) return NotImplemented;
    const out = repeatItems(items, n);
    items.length = 0;
    for (let i = 0; i < out.length; i++) items.push(out[i]!);
    return a[0]!;
  });
  for (const [name, op] of [['__lt__', 0], ['__le__', 1], ['__eq__', 2], ['__ne__', 3], ['__gt__', 4], ['__ge__', 5]] as const) {
    defMethod(t, name, (a) => (a[1] instanceof PyList ? seqCompare(lst(a[0]!), a[1].items, op) : NotImplemented));
  }
  defMethod(t, 'append', (a) => {
    checkArity('list', 'append', a.length - 1, 1, 1);
    if (a.length !== 2) raise(typeErrorType, `list.append() takes exactly one argument (${a.length - 1} given)`);
    lst(a[0]!).push(a[1]!);
    return None;
  });
  defMethod(t, 'extend', (a) => {
    checkArity('list', 'extend', a.length - 1, 1, 1);
    lst(a[0]!).push(...toArrayWithHint(a[1]!));
    return None;
  });
  defMethod(t, 'insert', (a) => {
    checkArity('list', 'insert', a.length - 1, 2, 2);
    const items = lst(a[0]!);
    let i = asJsIndex(a[1]!);
    if (i < 0) i = Math.max(0, i + items.length);
    if (i > items.length) i = items.length;
    items.splice(i, 0, a[2]!);
    return None;
  });
  defMethod(t, 'pop', (a) => {
    checkArity('list', 'pop', a.length - 1, 0, 1);
    const items = lst(a[0]!);
    if (items.length === 0) raise(indexErrorType, 'pop from empty list');
    let i = a[1] === undefined ? items.length - 1 : asJsIndex(a[1]);
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) raise(indexErrorType, 'pop index out of range');
    return items.splice(i, 1)[0]!;
  });
  defMethod(t, 'remove', (a) => {
    checkArity('list', 'remove', a.length - 1, 1, 1);
    const items = lst(a[0]!);
    const i = items.findIndex((v) => v === a[1] || pyEq(v, a[1]!));
    if (i < 0) raise(valueErrorType, 'list.remove(x): x not in list');
    items.splice(i, 1);
    return None;
  });
  defMethod(t, 'index', (a) => {
    checkArity('list', 'index', a.length - 1, 1, 3);
    const items = lst(a[0]!);
    let start = a[2] === undefined ? 0 : asJsIndex(a[2]);
    let stop = a[3] === undefined ? items.length : asJsIndex(a[3]);
    if (start < 0) start = Math.max(0, start + items.length);
    if (stop < 0) stop = Math.max(0, stop + items.length);
    for (let i = start; i < Math.min(stop, items.length); i++) if (items[i] === a[1] || pyEq(items[i]!, a[1]!)) return intFromNumber(i);
    raise(valueErrorType, `${repr(a[1]!)} is not in list`);
  });
  defMethod(t, 'count', (a) => checkArity('list', 'count', a.length - 1, 1, 1) ?? intFromNumber(lst(a[0]!).filter((v) => v === a[1] || pyEq(v, a[1]!)).length));
  defMethod(t, 'clear', (a) => {
    checkArity('list', 'clear', a.length - 1, 0, 0);
    lst(a[0]!).length = 0;
    return None;
  });
  defMethod(t, 'copy', (a) => checkArity('list', 'copy', a.length - 1, 0, 0) ?? new PyList(lst(a[0]!).slice()));
  defMethod(t, 'reverse', (a) => {
    checkArity('list', 'reverse', a.length - 1, 0, 0);
    lst(a[0]!).reverse();
    return None;
  });
  defMethod(t, 'sort', (a, kw: Kwargs | null) => {
    if (a.length > 1) raise(typeErrorType, 'sort() takes no positional arguments');
    const items = lst(a[0]!);
    for (const k of kw?.keys() ?? []) {
      if (k !== 'key' && k !== 'reverse') raise(typeErrorType, `'${k}' is an invalid keyword argument for sort()`);
    }
    const keyFn = kw?.get('key');
    const reverse = kw?.get('reverse');
    // the list is empty while it sorts (list_sort_impl): changes made meanwhile are detected, then dropped
    const saved = items.slice();
    items.length = 0;
    let ok = false;
    try {
      const keys = keyFn !== undefined && keyFn !== None ? saved.map((v) => callObject(keyFn, [v], null)) : null;
      sortItems(saved, keys, reverse !== undefined && isTrue(reverse));
      ok = true;
    } finally {
      const modified = items.length > 0;
      items.length = 0;
      for (const v of saved) items.push(v);
      if (ok && modified) raise(valueErrorType, 'list modified during sort');
    }
    return None;
  });

  const tt = tupleType;
  defMethod(tt, '__new__', (a, kw) => {
    const cls = a[0] as PyType;
    // tuple_new: keywords are refused unless a subclass's own __init__ may want them
    if (kw !== null && kw.size > 0 && cls.lookup('__init__') === tupleType.lookup('__init__')) noKeywords('tuple', kw);
    if (a.length > 2) rangeArity('tuple', 0, 1, a.length - 1);
    const items = a[1] === undefined ? [] : toArray(a[1]);
    if (cls === tupleType) return a[1] instanceof PyTuple && a[1].type === tupleType ? a[1] : newTuple(items);
    return new PyTuple(items, cls);
  });
  // tuple_vectorcall's common case, tuple(a list or a tuple), without __new__'s lookup and call
  tt.vectorcall = (args, kw) => {
    if ((kw !== null && kw.size > 0) || args.length !== 1) return null;
    const x = args[0]!;
    if (x.type === tupleType) return x;
    if (x.type === listType) return newTuple((x as PyList).items.slice());
    return null;
  };
  defMethod(tt, '__repr__', (a) => newStr(seqRepr((a[0] as PyTuple).items, '(', ')', a[0]!)));
  defMethod(tt, '__hash__', (a) => new PyInt(tupleHash((a[0] as PyTuple).items)));
  defMethod(tt, '__len__', (a) => intFromNumber((a[0] as PyTuple).items.length));
  defMethod(tt, '__iter__', (a) => new PyArrayIter(a[0] as PyTuple, tupleIteratorType));
  defMethod(tt, '__contains__', (a) => pyBool((a[0] as PyTuple).items.some((v) => v === a[1] || pyEq(v, a[1]!))));
  defMethod(tt, '__getitem__', (a) => {
    const items = (a[0] as PyTuple).items;
    if (a[1] instanceof PySlice) {
      const part = sliceArray(items, a[1]);
      // tuplesubscript: the whole of an exact tuple is the tuple itself
      if (part.length === items.length && a[0]!.type === tupleType && sliceIndices(a[1], items.length)[2] === 1) return a[0]!;
      return newTuple(part);
    }
    return items[normIndex(indexOrTypeError(a[1]!, 'tuple'), items.length, 'tuple')]!;
  });
  defMethod(tt, '__add__', (a) => (a[1] instanceof PyTuple ? newTuple([...(a[0] as PyTuple).items, ...a[1].items]) : NotImplemented));
  const tmul = (a: PyObject[]) => {
    const n = repeatCount(a[1]!);
    if (n === null) return NotImplemented;
    // tuple_repeat: an exact tuple once over is itself
    if (n === 1 && a[0]!.type === tupleType) return a[0]!;
    return newTuple(repeatItems((a[0] as PyTuple).items, n));
  };
  defMethod(tt, '__mul__', tmul);
  defMethod(tt, '__rmul__', tmul);
  for (const [name, op] of [['__lt__', 0], ['__le__', 1], ['__eq__', 2], ['__ne__', 3], ['__gt__', 4], ['__ge__', 5]] as const) {
    defMethod(tt, name, (a) => (a[1] instanceof PyTuple ? seqCompare((a[0] as PyTuple).items, a[1].items, op) : NotImplemented));
  }
  defMethod(tt, 'index', (a) => {
    checkArity('tuple', 'index', a.length - 1, 1, 3);
    const items = (a[0] as PyTuple).items;
    let start = a[2] === undefined ? 0 : asJsIndex(a[2]);
    let stop = a[3] === undefined ? items.length : asJsIndex(a[3]);
    if (start < 0) start = Math.max(0, start + items.length);
    if (stop < 0) stop = Math.max(0, stop + items.length);
    for (let i = start; i < Math.min(stop, items.length); i++) if (items[i] === a[1] || pyEq(items[i]!, a[1]!)) return intFromNumber(i);
    raise(valueErrorType, 'tuple.index(x): x not in tuple');
  });
  defMethod(tt, 'count', (a) => checkArity('tuple', 'count', a.length - 1, 1, 1) ?? intFromNumber((a[0] as PyTuple).items.filter((v) => v === a[1] || pyEq(v, a[1]!)).length));
  defMethod(tt, '__getnewargs__', (a) => newTuple([newTuple((a[0] as PyTuple).items)]));
  void PyStr;
}
