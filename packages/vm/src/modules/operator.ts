// operator, natively. CPython counterpart: Modules/_operator.c.
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { pyBool } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { binaryOp, invert, negative, positive, NB_INPLACE } from '../protocols/number.js';
import { richCompare } from '../protocols/compare.js';
import { contains, delItem, getItem, setItem } from '../protocols/sequence.js';
import { getAttr } from '../protocols/getattr.js';
import { callObject } from '../protocols/call.js';
import { isTrue } from '../protocols/truth.js';
import { repr } from '../protocols/repr.js';

function makeGetter(name: string, make: (args: PyObject[]) => (o: PyObject) => PyObject, label: (args: PyObject[]) => string): PyType {
  const t = builtinType(name, undefined, 0);
  t.module = 'operator';
  class Getter extends PyObject {
    constructor(readonly fn: (o: PyObject) => PyObject, readonly text: string) {
      super(t);
    }
  }
  defMethod(t, '__new__', (a) => {
    if (a.length < 2) raise(typeErrorType, `${name} expected 1 argument, got 0`);
    return new Getter(make(a.slice(1)), label(a.slice(1)));
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
  def('index', (a) => callObject(getAttr(a[0]!, '__index__'), [], null));
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
      (args) => (o) => callObject(getAttr(o, (args[0] as PyStr).value), args.slice(1), null),
      (args) => args.map(repr).join(', '),
    ),
  );
  return m;
}
