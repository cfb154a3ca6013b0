// time: clocks through the JS runtime (no host state). CPython counterpart: Modules/timemodule.c.
import { None } from '../objects/object.js';
import { PyFloat } from '../objects/float.js';
import { newInt } from '../objects/int.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { PyInt } from '../objects/int.js';
import { structTimeType, timeStructFunctions } from './time-struct.js';

export function makeTime(): PyModule {
  const m = new PyModule('time');
  const d = m.dict;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  d.setStr('time', builtinFunction('time', () => new PyFloat(Date.now() / 1000)));
  d.setStr('time_ns', builtinFunction('time_ns', () => newInt(BigInt(Date.now()) * 1000000n)));
  for (const name of ['perf_counter', 'monotonic', 'process_time']) {
    d.setStr(name, builtinFunction(name, () => new PyFloat(now() / 1000)));
  }
  d.setStr('perf_counter_ns', builtinFunction('perf_counter_ns', () => newInt(BigInt(Math.round(now() * 1e6)))));
  d.setStr(
    'sleep',
    builtinFunction('sleep', (a) => {
      const s = a[0];
      const secs = s instanceof PyFloat ? s.value : s instanceof PyInt ? Number(s.value) : 0;
      const until = now() + secs * 1000;
      while (now() < until) {
        /* a busy wait: the VM is synchronous */
      }
      return None;
    }),
  );
  d.setStr('struct_time', structTimeType());
  for (const f of timeStructFunctions()) d.setStr(f.name, f);
  return m;
}
