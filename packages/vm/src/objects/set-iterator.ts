// set_iterator: a snapshot of the set's elements, checked against the set's size on every step.
// CPython counterpart: Objects/setobject.c (setiter_iternext, setiter_len, setiter_reduce).
import { raise } from '../errors.js';
import type { PyObject } from './object.js';
import type { PySet } from './set.js';
import { newTuple } from './tuple.js';
import { PyList } from './list.js';
import { defMethod } from './native.js';
import { PyNativeIter, setIteratorType } from './iterators.js';
import { intFromNumber } from './int.js';
import { runtimeErrorType } from './exception-types.js';
import { ts } from '../eval/state.js';

export class PySetIter extends PyNativeIter {
  /** null once exhausted (CPython drops its reference) */
  set: PySet | null;
  readonly items: PyObject[];
  index: number;
  /** the set's size when iteration began; -1 once a change was seen (the error is sticky) */
  used: number;
  constructor(s: PySet) {
    super(setIteratorType, () => this.iternext(), () => this.len());
    this.set = s;
    this.items = s.items();
    this.index = 0;
    this.used = s.size;
  }

  private iternext(): PyObject | null {
    if (this.set === null) return null;
    if (this.used !== this.set.size) {
      this.used = -1;
      raise(runtimeErrorType, 'Set changed size during iteration');
    }
    if (this.index < this.items.length) return this.items[this.index++]!;
    this.set = null;
    return null;
  }

  /** setiter_len: nothing left once the set changed size */
  private len(): number {
    return this.set !== null && this.used === this.set.size ? this.items.length - this.index : 0;
  }
}

export function initSetIterator(): void {
  // setiter_reduce: iter() of a list of what is left
  defMethod(setIteratorType, '__reduce__', (a) => {
    const it = a[0] as PySetIter;
    // list() of a copy of the iterator: a changed set raises as next() would
    if (it.set !== null && it.used !== it.set.size) raise(runtimeErrorType, 'Set changed size during iteration');
    const rest = it.set !== null ? it.items.slice(it.index) : [];
    return newTuple([ts.frame!.builtins.getStr('iter')!, newTuple([new PyList(rest)])]);
  });
  defMethod(setIteratorType, '__length_hint__', (a) => intFromNumber((a[0] as PySetIter).hint!()));
}
