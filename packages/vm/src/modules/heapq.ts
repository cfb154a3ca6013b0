// heapq, natively, with the sift order of Lib/heapq.py (so heaps hold the same layout as
// CPython's). CPython counterpart: Modules/_heapqmodule.c, Lib/heapq.py (nlargest, nsmallest).
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { PyList } from '../objects/list.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { indexErrorType, typeErrorType } from '../objects/exception-types.js';
import { pyEq, pyLt } from '../protocols/compare.js';
import { getIter, iterNext } from '../protocols/iter.js';
import { isTrue } from '../protocols/truth.js';
import { PyNativeIter, seqIteratorType } from '../objects/iterators.js';
import { toArray } from '../protocols/iter.js';
import { callObject } from '../protocols/call.js';
import { asJsIndex } from '../protocols/number.js';
import { sortItems } from '../objects/list-methods.js';

/** Argument Clinic's list check: 'heapify() argument must be list', 'heappush() argument 1 must be list'. */
function heapOf(o: PyObject | undefined, fn: string, onlyArg: boolean): PyObject[] {
  if (!(o instanceof PyList)) raise(typeErrorType, `${fn}() argument${onlyArg ? '' : ' 1'} must be list, not ${o === undefined ? 'nothing' : o.type.name}`);
  return o.items;
}

function siftdown(heap: PyObject[], startpos: number, pos: number): void {
  const newitem = heap[pos]!;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos]!;
    if (pyLt(newitem, parent)) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

function siftup(heap: PyObject[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos]!;
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !pyLt(heap[childpos]!, heap[rightpos]!)) childpos = rightpos;
    heap[pos] = heap[childpos]!;
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos);
}

function heapify(heap: PyObject[]): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(heap, i);
}

function heappop(heap: PyObject[]): PyObject {
  if (heap.length === 0) raise(indexErrorType, 'index out of range');
  const last = heap.pop()!;
  if (heap.length) {
    const ret = heap[0]!;
    heap[0] = last;
    siftup(heap, 0);
    return ret;
  }
  return last;
}

/** nsmallest/nlargest: the sorted-then-sliced result (equal to Lib/heapq.py's for ties). */
function nBest(a: PyObject[], kw: Kwargs | null, largest: boolean): PyObject {
  const n = asJsIndex(a[0]!);
  const items = toArray(a[1]!);
  const key = a[2] ?? kw?.get('key');
  const keys = key !== undefined && key !== None ? items.map((v) => callObject(key, [v], null)) : null;
  sortItems(items, keys, largest);
  return new PyList(items.slice(0, Math.max(0, n)));
}

export function makeHeapq(): PyModule {
  const m = new PyModule('heapq');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  def('heappush', (a) => {
    const heap = heapOf(a[0], 'heappush', false);
    heap.push(a[1]!);
    siftdown(heap, 0, heap.length - 1);
    return None;
  });
  def('heappop', (a) => heappop(heapOf(a[0], 'heappop', true)));
  def('heapify', (a) => {
    heapify(heapOf(a[0], 'heapify', true));
    return None;
  });
  def('heapreplace', (a) => {
    const heap = heapOf(a[0], 'heapreplace', false);
    if (heap.length === 0) raise(indexErrorType, 'index out of range');
    const ret = heap[0]!;
    heap[0] = a[1]!;
    siftup(heap, 0);
    return ret;
  });
  def('heappushpop', (a) => {
    const heap = heapOf(a[0], 'heappushpop', false);
    let item = a[1]!;
    if (heap.length && pyLt(heap[0]!, item)) {
      const top = heap[0]!;
      heap[0] = item;
      item = top;
      siftup(heap, 0);
    }
    return item;
  });
  def('merge', (a, kw) => {
    // Lib/heapq.py merge: lazily, the least head first (greatest with reverse); ties go to the
    // earlier iterable, as its [value, order, next] lists compare
    const key = kw?.get('key');
    const reverse = kw?.get('reverse');
    const rev = reverse !== undefined && isTrue(reverse);
    const its = a.map((o) => getIter(o));
    const heads: ({ v: PyObject; k: PyObject } | null)[] = its.map(() => null);
    const pull = (i: number) => {
      const v = iterNext(its[i]!);
      heads[i] = v === null ? null : { v, k: key === undefined || key === None ? v : callObject(key, [v], null) };
    };
    let started = false;
    return new PyNativeIter(seqIteratorType, () => {
      if (!started) {
        started = true;
        its.forEach((_, i) => pull(i));
      }
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        if (h === null) continue;
        if (best < 0) best = i;
        else {
          const b = heads[best]!;
          if (!pyEq(h.k, b.k) && (rev ? pyLt(b.k, h.k) : pyLt(h.k, b.k))) best = i;
        }
      }
      if (best < 0) return null;
      const out = heads[best]!.v;
      pull(best);
      return out;
    });
  });
  def('nsmallest', (a, kw) => nBest(a, kw, false));
  def('nlargest', (a, kw) => nBest(a, kw, true));
  return m;
}
