// __reduce__ and __setstate__ of list and tuple iterators: how pickle and copy take one apart,
// as iter(seq) advanced to its index. CPython counterpart: Objects/listobject.c (listiter_reduce,
// listiter_setstate), Objects/tupleobject.c (tupleiter_reduce, tupleiter_setstate).
import { listIteratorType, tupleIteratorType, PyArrayIter } from './iterators.js';
import { None } from './object.js';
import { intFromNumber } from './int.js';
import { newTuple } from './tuple.js';
import { PyList } from './list.js';
import { defMethod } from './native.js';
import { asJsIndex } from '../protocols/number.js';
import { ts } from '../eval/state.js';

export function initIteratorReduce(): void {
  for (const t of [listIteratorType, tupleIteratorType]) {
    defMethod(t, '__reduce__', (a) => {
      const it = a[0] as PyArrayIter;
      const iter = ts.frame!.builtins.getStr('iter')!;
      // past the end once next() found it exhausted: an empty sequence stands in
      if (it.index > it.owner.items.length) return newTuple([iter, newTuple([t === listIteratorType ? new PyList([]) : newTuple([])])]);
      return newTuple([iter, newTuple([it.owner as PyList]), intFromNumber(it.index)]);
    });
    defMethod(t, '__setstate__', (a) => {
      const it = a[0] as PyArrayIter;
      const n = it.owner.items.length;
      if (it.index <= n) it.index = Math.min(Math.max(asJsIndex(a[1]!), 0), n);
      return None;
    });
  }
}
