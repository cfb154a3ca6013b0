// The gc module: the VM's memory is JavaScript's, collected by V8, so there is no cycle collector to
// drive. The functions answer as a CPython whose collector finds nothing to free: collect() is 0,
// the thresholds and switches are kept and reported, no object is tracked. timeit and tests that
// switch the collector off and on run unchanged. CPython counterpart: Modules/gcmodule.c.
import { raise } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { False, intFromNumber, pyBool } from '../objects/int.js';
import { newTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asJsIndex } from '../protocols/number.js';

const DEBUG = { DEBUG_STATS: 1, DEBUG_COLLECTABLE: 2, DEBUG_UNCOLLECTABLE: 4, DEBUG_SAVEALL: 32, DEBUG_LEAK: 38 };

export function makeGc(): PyModule {
  const m = new PyModule('gc');
  const d = m.dict;
  let enabled = true;
  let debug = 0;
  let thresholds = [700, 10, 10];
  const def = (name: string, fn: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, fn));
  const noArgs = (name: string, fn: () => PyObject) =>
    def(name, (a) => {
      if (a.length > 0) raise(typeErrorType, `${name}() takes no arguments (${a.length} given)`);
      return fn();
    });
  noArgs('enable', () => ((enabled = true), None));
  noArgs('disable', () => ((enabled = false), None));
  noArgs('isenabled', () => pyBool(enabled));
  def('collect', (a, kw) => {
    const gen = a[0] ?? kw?.get('generation');
    if (gen !== undefined && (asJsIndex(gen) < 0 || asJsIndex(gen) > 2)) raise(valueErrorType, 'invalid generation');
    return intFromNumber(0);
  });
  noArgs('get_count', () => newTuple([intFromNumber(0), intFromNumber(0), intFromNumber(0)]));
  noArgs('get_threshold', () => newTuple(thresholds.map(intFromNumber)));
  def('set_threshold', (a) => {
    if (a.length < 1 || a.length > 3) raise(typeErrorType, `set_threshold expected ${a.length < 1 ? 'at least 1 argument' : 'at most 3 arguments'}, got ${a.length}`);
    thresholds = thresholds.map((t, i) => (a[i] === undefined ? t : asJsIndex(a[i]!)));
    return None;
  });
  noArgs('get_debug', () => intFromNumber(debug));
  def('set_debug', (a) => ((debug = asJsIndex(a[0] ?? None)), None));
  def('get_objects', () => new PyList([]));
  def('get_referrers', () => new PyList([]));
  def('get_referents', () => new PyList([]));
  def('is_tracked', () => False);
  def('is_finalized', () => False);
  noArgs('freeze', () => None);
  noArgs('unfreeze', () => None);
  noArgs('get_freeze_count', () => intFromNumber(0));
  noArgs('get_stats', () =>
    new PyList(
      [0, 1, 2].map(() => {
        const s = new PyDict();
        for (const k of ['collections', 'collected', 'uncollectable']) s.setStr(k, intFromNumber(0));
        return s;
      }),
    ),
  );
  d.setStr('garbage', new PyList([]));
  d.setStr('callbacks', new PyList([]));
  for (const [k, v] of Object.entries(DEBUG)) d.setStr(k, intFromNumber(v));
  return m;
}
