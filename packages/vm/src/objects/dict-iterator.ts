// The iterators of a dict and its views, forwards and reversed. CPython counterpart:
// Objects/dictobject.c (dictiterobject: dictiter_iternextkey/value/item, dictreviter_iternext,
// dictiter_len, dictiter_reduce).
import { raise } from '../errors.js';
import { builtinType, PyObject, type PyType } from './object.js';
import { intFromNumber } from './int.js';
import { newTuple } from './tuple.js';
import { PyList } from './list.js';
import { PyDict } from './dict.js';
import { dictItemIteratorType, dictKeyIteratorType, dictValueIteratorType, PyNativeIter } from './iterators.js';
import { defIteratorMethods } from './iterator-methods.js';
import { defMethod } from './native.js';
import { runtimeErrorType } from './exception-types.js';
import { ts } from '../eval/state.js';

export const dictRevKeyIteratorType = builtinType('dict_reversekeyiterator', undefined, 0);
export const dictRevValueIteratorType = builtinType('dict_reversevalueiterator', undefined, 0);
export const dictRevItemIteratorType = builtinType('dict_reverseitemiterator', undefined, 0);

/** what an iterator yields: keys, values or (key, value) pairs */
export type DictIterKind = 0 | 1 | 2;

const FORWARD: readonly PyType[] = [dictKeyIteratorType, dictValueIteratorType, dictItemIteratorType];
const REVERSED: readonly PyType[] = [dictRevKeyIteratorType, dictRevValueIteratorType, dictRevItemIteratorType];

const NO_STEP = () => null;

export class PyDictIter extends PyNativeIter {
  /** null once exhausted (or after "keys changed"): every later next() stops */
  override dict: PyDict | null;
  /** the dict's size when the iterator was made; -1 after a size change, so the error repeats */
  used: number;
  /** the slot to look at next */
  pos: number;
  /** entries still to come: finding more than this means keys were swapped in */
  len: number;
  readonly kind: DictIterKind;
  readonly reversed: boolean;
  constructor(d: PyDict, kind: DictIterKind, reversed: boolean) {
    super((reversed ? REVERSED : FORWARD)[kind]!, NO_STEP);
    this.step = () => this.iterNext();
    this.dict = d;
    this.used = d.size;
    this.pos = reversed ? d.used - 1 : 0;
    this.len = d.size;
    this.kind = kind;
    this.reversed = reversed;
  }

  private iterNext(): PyObject | null {
    const d = this.dict;
    if (d === null) return null;
    if (this.used !== d.size) {
      this.used = -1;
      raise(runtimeErrorType, 'dictionary changed size during iteration');
    }
    let i = this.pos;
    const keys = d.keys;
    if (this.reversed) {
      while (i >= 0 && keys[i] === undefined) i--;
      if (i < 0) {
        this.dict = null;
        return null;
      }
      this.pos = i - 1;
    } else {
      const n = d.used;
      while (i < n && keys[i] === undefined) i++;
      if (i >= n) {
        this.dict = null;
        return null;
      }
      if (this.len === 0) {
        this.dict = null;
        raise(runtimeErrorType, 'dictionary keys changed during iteration');
      }
      this.pos = i + 1;
    }
    this.len--;
    const kind = this.kind;
    return kind === 0 ? keys[i]! : kind === 1 ? d.values[i]! : newTuple([keys[i]!, d.values[i]!]);
  }

  /** dictiter_len */
  lengthHint(): number {
    return this.dict !== null && this.used === this.dict.size ? this.len : 0;
  }
}

/** An iterator over `d`'s keys, values or items. */
export function dictIter(d: PyDict, kind: DictIterKind, reversed = false): PyDictIter {
  return new PyDictIter(d, kind, reversed);
}

export function initDictIterators(): void {
  for (const t of [...FORWARD, ...REVERSED]) {
    if (REVERSED.includes(t)) defIteratorMethods(t);
    defMethod(t, '__length_hint__', (a) => intFromNumber((a[0] as PyDictIter).lengthHint()));
    // dictiter_reduce: iter(list of what a copy of the iterator would still give)
    defMethod(t, '__reduce__', (a) => {
      const it = a[0] as PyDictIter;
      const copy = new PyDictIter(it.dict ?? new PyDict(), it.kind, it.reversed);
      copy.dict = it.dict;
      copy.used = it.used;
      copy.pos = it.pos;
      copy.len = it.len;
      const items: PyObject[] = [];
      for (let v = copy.step(); v !== null; v = copy.step()) items.push(v);
      return newTuple([ts.frame!.builtins.getStr('iter')!, newTuple([new PyList(items)])]);
    });
  }
}
