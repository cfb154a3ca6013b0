// bisect, natively. CPython counterpart: Modules/_bisectmodule.c.
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { valueErrorType } from '../objects/exception-types.js';
import { pyLt } from '../protocols/compare.js';
import { getItem, len } from '../protocols/sequence.js';
import { callObject } from '../protocols/call.js';
import { asJsIndex } from '../protocols/number.js';
import { getAttr } from '../protocols/getattr.js';

function search(a: PyObject[], kw: Kwargs | null, right: boolean): number {
  const seq = a[0]!;
  const x = a[1]!;
  let lo = a[2] !== undefined ? asJsIndex(a[2]) : kw?.get('lo') !== undefined ? asJsIndex(kw.get('lo')!) : 0;
  const hiArg = a[3] ?? kw?.get('hi');
  let hi = hiArg === undefined || hiArg === None ? len(seq) : asJsIndex(hiArg);
  if (lo < 0) raise(valueErrorType, 'lo must be non-negative');
  const key = kw?.get('key');
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let v = getItem(seq, intFromNumber(mid));
    if (key !== undefined && key !== None) v = callObject(key, [v], null);
    if (right ? pyLt(x, v) : pyLt(v, x)) {
      if (right) hi = mid;
      else lo = mid + 1;
    } else if (right) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function makeBisect(): PyModule {
  const m = new PyModule('bisect');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  def('bisect_left', (a, kw) => intFromNumber(search(a, kw, false)));
  def('bisect_right', (a, kw) => intFromNumber(search(a, kw, true)));
  d.setStr('bisect', d.getStr('bisect_right')!);
  const insort = (right: boolean) => (a: PyObject[], kw: Kwargs | null) => {
    const key = kw?.get('key');
    const probe = key !== undefined && key !== None ? [a[0]!, callObject(key, [a[1]!], null), ...a.slice(2)] : a;
    const i = search(probe, kw, right);
    callObject(getAttr(a[0]!, 'insert'), [intFromNumber(i), a[1]!], null);
    return None;
  };
  def('insort_left', insort(false));
  def('insort_right', insort(true));
  d.setStr('insort', d.getStr('insort_right')!);
  return m;
}
