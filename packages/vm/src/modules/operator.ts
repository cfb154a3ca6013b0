// operator, natively. CPython counterpart: Modules/_operator.c.
import { raise } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType } from '../objects/object.js';
import { pyBool } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { intFromNumber, newInt, PyInt } from '../objects/int.js';
import { toArray } from '../protocols/iter.js';
import { pyEq } from '../protocols/compare.js';
import { len } from '../protocols/sequence.js';
import { callSpecial } from '../protocols/call.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asIndex, binaryOp, invert, negative, positive, NB_ADD, NB_INPLACE } from '../protocols/number.js';
import { richCompare } from '../protocols/compare.js';
import { contains, delItem, getItem, setItem } from '../protocols/sequence.js';
import { getAttr } from '../protocols/getattr.js';
import { callObject } from '../protocols/call.js';
import { isTrue } from '../protocols/truth.js';
import { repr } from '../protocols/repr.js';

function makeGetter(
  name: string,
  make: (args: PyObject[], kw: Kwargs | null) => (o: PyObject) => PyObject,
  label: (args: PyObject[], kw: Kwargs | null) => string,
): PyType {
  const t = builtinType(name, undefined, 0);
  t.module = 'operator';
  class Getter extends PyObject {
    constructor(readonly fn: (o: PyObject) => PyObject, readonly text: string) {
      super(t);
    }
  }
  defMethod(t, '__new__', (a, kw) => {
    if (a.length < 2) raise(typeErrorType, name === 'methodcaller' ? 'methodcaller needs at least one argument, the method name' : `${name} expected 1 argument, got 0`);
    return new Getter(make(a.slice(1), kw), label(a.slice(1), kw));
  });
  defMethod(t, '__call__', (a) => (a[0] as Getter).fn(a[1]!));
  defMethod(t, '__repr__', (a) => newStr(`operator.${name}(${(a[0] as Getter).text})`));
  return t;
}

export function makeOperator(): PyModule {
  const m = new PyModule('operator');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[]) => PyObject) => {
    d.setStr(name, builtinFunction(name, (a) => f(a)));
    if (!name.startsWith('__')) d.setStr(`__${name.replace(/_$/, '')}__`, d.getStr(name)!);
  };
  const binops: [string, number][] = [['add', 0], ['and_', 1], ['floordiv', 2], ['lshift', 3], ['matmul', 4], ['mul', 5], ['mod', 6], ['or_', 7], ['pow', 8], ['rshift', 9], ['sub', 10], ['truediv', 11], ['xor', 12]];
  for (const [name, op] of binops) {
    def(name, (a) => binaryOp(a[0]!, a[1]!, op));
    d.setStr(`i${name.replace(/_$/, '')}`, builtinFunction(`i${name}`, (a) => binaryOp(a[0]!, a[1]!, op + NB_INPLACE)));
  }
  for (const [name, op] of [['lt', 0], ['le', 1], ['eq', 2], ['ne', 3], ['gt', 4], ['ge', 5]] as const) def(name, (a) => richCompare(a[0]!, a[1]!, op));
  def('neg', (a) => negative(a[0]!));
  def('pos', (a) => positive(a[0]!));
  def('invert', (a) => invert(a[0]!));
  d.setStr('inv', d.getStr('invert')!);
  def('not_', (a) => pyBool(!isTrue(a[0]!)));
  def('truth', (a) => pyBool(isTrue(a[0]!)));
  def('is_', (a) => pyBool(a[0] === a[1]));
  def('is_not', (a) => pyBool(a[0] !== a[1]));
  def('contains', (a) => pyBool(contains(a[0]!, a[1]!)));
  def('getitem', (a) => getItem(a[0]!, a[1]!));
  def('setitem', (a) => {
    setItem(a[0]!, a[1]!, a[2]!);
    return None;
  });
  def('delitem', (a) => {
    delItem(a[0]!, a[1]!);
    return None;
  });
  def('index', (a) => (a[0] instanceof PyInt ? a[0] : newInt(asIndex(a[0]!))));
  const concat = (name: string, inplace: boolean) =>
    def(name, (a) => {
      if (a[0]!.type.lookup('__getitem__') === undefined) raise(typeErrorType, `'${a[0]!.type.name}' object can't be concatenated`);
      return binaryOp(a[0]!, a[1]!, inplace ? NB_ADD + NB_INPLACE : NB_ADD);
    });
  concat('concat', false);
  concat('iconcat', true);
  def('countOf', (a) => {
    let n = 0;
    for (const v of toArray(a[0]!)) if (v === a[1] || pyEq(v, a[1]!)) n++;
    return intFromNumber(n);
  });
  def('indexOf', (a) => {
    const items = toArray(a[0]!);
    const i = items.findIndex((v) => v === a[1] || pyEq(v, a[1]!));
    if (i < 0) raise(valueErrorType, 'sequence.index(x): x not in sequence');
    return intFromNumber(i);
  });
  def('length_hint', (a) => {
    const o = a[0]!;
    const dflt = a[1] === undefined ? 0 : Number(asIndex(a[1]));
    if (o.type.lookup('__len__') !== undefined) return intFromNumber(len(o));
    const h = o.type.lookup('__length_hint__');
    if (h === undefined) return intFromNumber(dflt);
    const r = callSpecial(h, o, []);
    if (r === NotImplemented) return intFromNumber(dflt);
    if (!(r instanceof PyInt)) raise(typeErrorType, `__length_hint__ must be an integer, not ${r.type.name}`);
    if (r.value < 0n) raise(valueErrorType, '__length_hint__() should return >= 0');
    return r;
  });
  d.setStr('call', builtinFunction('call', (a, kw) => callObject(a[0]!, a.slice(1), kw)));
  def('abs', (a) => callObject(getAttr(a[0]!, '__abs__'), [], null));
  d.setStr(
    'itemgetter',
    makeGetter(
      'itemgetter',
      (keys) => (o) => (keys.length === 1 ? getItem(o, keys[0]!) : newTuple(keys.map((k) => getItem(o, k)))),
      (keys) => keys.map(repr).join(', '),
    ),
  );
  const attrPath = (o: PyObject, path: string) => path.split('.').reduce((x, n) => getAttr(x, n), o);
  d.setStr(
    'attrgetter',
    makeGetter(
      'attrgetter',
      (names) => {
        const paths = names.map((n) => {
          if (!(n instanceof PyStr)) raise(typeErrorType, 'attribute name must be a string');
          return n.value;
        });
        return (o) => (paths.length === 1 ? attrPath(o, paths[0]!) : newTuple(paths.map((p) => attrPath(o, p))));
      },
      (names) => names.map(repr).join(', '),
    ),
  );
  d.setStr(
    'methodcaller',
    makeGetter(
      'methodcaller',
      (args, kw) => (o) => callObject(getAttr(o, (args[0] as PyStr).value), args.slice(1), kw),
      (args, kw) => [...args.map(repr), ...[...(kw ?? new Map<string, PyObject>())].map(([k, v]) => `${k}=${repr(v)}`)].join(', '),
    ),
  );
  return m;
}
