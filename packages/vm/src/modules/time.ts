// time: clocks through the JS runtime (no host state). CPython counterpart: Modules/timemodule.c.
import { sleepMs } from './sleep.js';
import { raise } from '../errors.js';
import { newStr, PyStr } from '../objects/str.js';
import { pyBool } from '../objects/int.js';
import { valueErrorType } from '../objects/exception-types.js';
import { newNamespace } from '../objects/namespace.js';
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
      sleepMs(secs * 1000);
      return None;
    }),
  );
  // get_clock_info: what CPython reports on Linux (clock_gettime, nanosecond resolution)
  const clocks: Record<string, [string, boolean, boolean]> = {
    time: ['clock_gettime(CLOCK_REALTIME)', false, true],
    monotonic: ['clock_gettime(CLOCK_MONOTONIC)', true, false],
    perf_counter: ['clock_gettime(CLOCK_MONOTONIC)', true, false],
    process_time: ['clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', true, false],
    thread_time: ['clock_gettime(CLOCK_THREAD_CPUTIME_ID)', true, false],
  };
  d.setStr(
    'get_clock_info',
    builtinFunction('get_clock_info', (a) => {
      const name = a[0];
      const info = name instanceof PyStr ? clocks[name.value] : undefined;
      if (info === undefined) raise(valueErrorType, 'unknown clock');
      const [implementation, monotonic, adjustable] = info;
      return newNamespace([
        ['implementation', newStr(implementation)],
        ['monotonic', pyBool(monotonic)],
        ['adjustable', pyBool(adjustable)],
        ['resolution', new PyFloat(1e-9)],
      ]);
    }),
  );
  d.setStr('struct_time', structTimeType());
  for (const f of timeStructFunctions()) d.setStr(f.name, f);
  return m;
}
