// The iterator of a set or frozenset. CPython counterpart: Objects/setobject.c (setiterobject:
// setiter_iternext, setiter_len, setiter_reduce).
import { raise } from '../errors.js';
import { PyObject } from './object.js';
import { intFromNumber } from './int.js';
import { newTuple } from './tuple.js';
import { PyList } from './list.js';
import type { PySet } from './set.js';
import { setIteratorType, PyNativeIter } from './iterators.js';
import { defMethod } from './native.js';
import { runtimeErrorType } from './exception-types.js';
import { ts } from '../eval/state.js';

const NO_STEP = () => null;

export class PySetIter extends PyNativeIter {
  /** null once exhausted */
  set: PySet | null;
  /** the set's size when the iterator was made; -1 after a size change, so the error repeats */
  used: number;
  /** the elements, as the set held them when the iterator was made */
  readonly items: PyObject[];
  pos: number;
  constructor(s: PySet) {
    super(setIteratorType, NO_STEP);
    this.set = s;
    this.used = s.size;
    this.items = s.items();
    this.pos = 0;
    this.step = () => this.iterNext();
  }

  private iterNext(): PyObject | null {
    const s = this.set;
    if (s === null) return null;
    if (this.used !== s.size) {
      this.used = -1;
      raise(runtimeErrorType, 'Set changed size during iteration');
    }
    if (this.pos >= this.items.length) {
      this.set = null;
      return null;
    }
    return this.items[this.pos++]!;
  }

  /** setiter_len */
  lengthHint(): number {
    return this.set !== null && this.used === this.set.size ? this.items.length - this.pos : 0;
  }
}

export function initSetIterator(): void {
  const t = setIteratorType;
  defMethod(t, '__length_hint__', (a) => intFromNumber((a[0] as PySetIter).lengthHint()));
  // setiter_reduce: iter(list of what a copy of the iterator would still give)
  defMethod(t, '__reduce__', (a) => {
    const it = a[0] as PySetIter;
    if (it.set !== null && it.used !== it.set.size) raise(runtimeErrorType, 'Set changed size during iteration');
    const rest = it.set === null ? [] : it.items.slice(it.pos);
    return newTuple([ts.frame!.builtins.getStr('iter')!, newTuple([new PyList(rest)])]);
  });
}
