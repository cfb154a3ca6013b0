// __future__: the feature names (the compiler acts on them; at run time they are plain records of
// their optional/mandatory releases and compiler flag). CPython counterpart: Lib/__future__.py.
import { PyModule } from '../objects/module.js';
import { None, PyObject, builtinType } from '../objects/object.js';
import { newStr } from '../objects/str.js';
import { intFromNumber } from '../objects/int.js';
import { newTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { defMethod } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { repr } from '../protocols/repr.js';

export const featureType = builtinType('_Feature', undefined, 0);
featureType.module = '__future__';

type Release = [number, number, number, string, number];

class PyFeature extends PyObject {
  constructor(
    readonly optional: Release,
    readonly mandatory: Release | null,
    readonly flag: number,
  ) {
    super(featureType);
  }
}

const release = (r: Release | null): PyObject =>
  r === null ? None : newTuple([intFromNumber(r[0]), intFromNumber(r[1]), intFromNumber(r[2]), newStr(r[3]), intFromNumber(r[4])]);

// name, optional release, mandatory release, flag name, compiler flag (Lib/__future__.py of 3.11)
const FEATURES: [string, Release, Release | null, string, number][] = [
  ['nested_scopes', [2, 1, 0, 'beta', 1], [2, 2, 0, 'alpha', 0], 'CO_NESTED', 0x0010],
  ['generators', [2, 2, 0, 'alpha', 1], [2, 3, 0, 'final', 0], 'CO_GENERATOR_ALLOWED', 0],
  ['division', [2, 2, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], 'CO_FUTURE_DIVISION', 0x20000],
  ['absolute_import', [2, 5, 0, 'alpha', 1], [3, 0, 0, 'alpha', 0], 'CO_FUTURE_ABSOLUTE_IMPORT', 0x40000],
  ['with_statement', [2, 5, 0, 'alpha', 1], [2, 6, 0, 'alpha', 0], 'CO_FUTURE_WITH_STATEMENT', 0x80000],
  ['print_function', [2, 6, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], 'CO_FUTURE_PRINT_FUNCTION', 0x100000],
  ['unicode_literals', [2, 6, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], 'CO_FUTURE_UNICODE_LITERALS', 0x200000],
  ['barry_as_FLUFL', [3, 1, 0, 'alpha', 2], [4, 0, 0, 'alpha', 0], 'CO_FUTURE_BARRY_AS_BDFL', 0x400000],
  ['generator_stop', [3, 5, 0, 'beta', 1], [3, 7, 0, 'alpha', 0], 'CO_FUTURE_GENERATOR_STOP', 0x800000],
  ['annotations', [3, 7, 0, 'beta', 1], null, 'CO_FUTURE_ANNOTATIONS', 0x1000000],
];

export function makeFuture(): PyModule {
  const t = featureType;
  const f = (o: PyObject) => o as PyFeature;
  defGetSet(t, 'optional', (o) => release(f(o).optional));
  defGetSet(t, 'mandatory', (o) => release(f(o).mandatory));
  defGetSet(t, 'compiler_flag', (o) => intFromNumber(f(o).flag));
  defMethod(t, 'getOptionalRelease', (a) => release(f(a[0]!).optional));
  defMethod(t, 'getMandatoryRelease', (a) => release(f(a[0]!).mandatory));
  defMethod(t, '__repr__', (a) => newStr(`_Feature(${repr(release(f(a[0]!).optional))}, ${repr(release(f(a[0]!).mandatory))}, ${f(a[0]!).flag})`));
  const m = new PyModule('__future__');
  for (const [name, optional, mandatory, flagName, flag] of FEATURES) {
    m.dict.setStr(name, new PyFeature(optional, mandatory, flag));
    m.dict.setStr(flagName, intFromNumber(flag));
  }
  m.dict.setStr('all_feature_names', new PyList(FEATURES.map(([name]) => newStr(name))));
  return m;
}
