// reversed(seq) and list.__reversed__'s list_reverseiterator: an index walking down a sequence,
// which pickle and copy take apart with __reduce__ and put back with __setstate__.
// CPython counterpart: Objects/enumobject.c (reversed_next, reversed_len, reversed_reduce,
// reversed_setstate), Objects/listobject.c (listreviter_next, listreviter_len, listiter_reduce_general,
// listreviter_setstate).
import { PyError } from '../errors.js';
import { None, PyObject, type PyType } from './object.js';
import { intFromNumber } from './int.js';
import { newTuple, EMPTY_TUPLE } from './tuple.js';
import { PyList } from './list.js';
import { defMethod } from './native.js';
import { PyNativeIter, reversedType, listReverseIteratorType } from './iterators.js';
import { indexErrorType, stopIterationType } from './exception-types.js';
import { asJsIndex } from '../protocols/number.js';
import { getItem, len } from '../protocols/sequence.js';
import { ts } from '../eval/state.js';

/** A reverse iterator; `seq` is dropped (null) once exhausted, as CPython clears it. */
export class PyReversedIter extends PyNativeIter {
  seq: PyObject | null;
  index: number;
  constructor(type: PyType, seq: PyObject, index: number) {
    super(
      type,
      () => (type === listReverseIteratorType ? this.listNext() : this.seqNext()),
      () => this.lengthHint(),
    );
    this.seq = seq;
    this.index = index;
  }

  /** listreviter_next: the list may have shrunk meanwhile */
  private listNext(): PyObject | null {
    const seq = this.seq as PyList | null;
    if (seq !== null && this.index >= 0 && this.index < seq.items.length) return seq.items[this.index--]!;
    this.index = -1;
    this.seq = null;
    return null;
  }

  /** reversed_next: seq[index], an IndexError or StopIteration ending it */
  private seqNext(): PyObject | null {
    if (this.index >= 0 && this.seq !== null) {
      try {
        const v = getItem(this.seq, intFromNumber(this.index));
        this.index--;
        return v;
      } catch (e) {
        if (!(e instanceof PyError && (e.exc.type.isSubtype(indexErrorType) || e.exc.type.isSubtype(stopIterationType)))) throw e;
      }
    }
    this.index = -1;
    this.seq = null;
    return null;
  }

  /** reversed_len / listreviter_len */
  private lengthHint(): number {
    if (this.seq === null) return 0;
    const n = this.seq instanceof PyList ? this.seq.items.length : len(this.seq);
    return n < this.index + 1 ? 0 : this.index + 1;
  }
}

export function initReversedIter(): void {
  for (const t of [reversedType, listReverseIteratorType]) {
    defMethod(t, '__reduce__', (a) => {
      const it = a[0] as PyReversedIter;
      const isList = t === listReverseIteratorType;
      const reversed = isList ? ts.frame!.builtins.getStr('reversed')! : it.type;
      if (it.seq !== null) return newTuple([reversed, newTuple([it.seq]), intFromNumber(it.index)]);
      // exhausted: an empty sequence stands in
      if (isList) return newTuple([ts.frame!.builtins.getStr('iter')!, newTuple([new PyList([])])]);
      return newTuple([reversed, newTuple([EMPTY_TUPLE])]);
    });
    defMethod(t, '__setstate__', (a) => {
      const it = a[0] as PyReversedIter;
      let index = asJsIndex(a[1]!);
      if (it.seq !== null) {
        const n = it.seq instanceof PyList ? it.seq.items.length : len(it.seq);
        if (index < -1) index = -1;
        else if (index > n - 1) index = n - 1;
        it.index = index;
      }
      return None;
    });
  }
}
