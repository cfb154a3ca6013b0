// The marshal module over @tspyc/bytecode's reader and writer: loads/load give runnable code
// objects; dumps/dump write a code object with CPython's reference pattern (the bytes a fresh
// py_compile writes) and other values without references (CPython's FLAG_REFs there follow its
// reference counts). load reads the rest of the file and seeks back to just after the object
// (CPython reads exactly what it needs). Version 4 only. CPython counterpart: Python/marshal.c.
import { canonicalizeRefs, dumps, loadsAt, marshalOptionsFor, MarshalError, targetForVersion } from '@tspyc/bytecode';
import { raise } from '../errors.js';
import { intFromNumber } from '../objects/int.js';
import { PyBytes } from '../objects/bytes.js';
import { PyModule } from '../objects/module.js';
import type { PyObject } from '../objects/object.js';
import { builtinFunction } from '../objects/native.js';
import { eofErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { Code, convertConst } from '../eval/code.js';
import { bufferArg } from '../protocols/buffer.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { asJsIndex } from '../protocols/number.js';
import { marshalValue } from './marshal-value.js';

const PY311 = targetForVersion('3.11')!;

/** The first object in `data` and the offset after it. */
function readObject(data: Uint8Array): { value: PyObject; end: number } {
  let read;
  try {
    read = loadsAt(data, 0, marshalOptionsFor(PY311));
  } catch (err) {
    if (!(err instanceof MarshalError)) throw err;
    if (err.code === 'truncated') raise(eofErrorType, err.message);
    raise(valueErrorType, err.message);
  }
  try {
    return { value: convertConst(read.value), end: read.end };
  } catch (err) {
    raise(valueErrorType, `marshal data of this kind cannot be loaded by tspyc: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function writeObject(o: PyObject, version: PyObject | undefined): Uint8Array {
  if (version !== undefined && asJsIndex(version) !== 4) raise(valueErrorType, 'tspyc writes marshal version 4 only');
  if (o instanceof Code) {
    const top = canonicalizeRefs(o.co, { target: PY311 });
    top.ref = true; // the caller holds it, as py_compile does
    return dumps(top, marshalOptionsFor(PY311));
  }
  const v = marshalValue(o);
  if (v === null) raise(valueErrorType, 'unmarshallable object');
  return dumps(v, marshalOptionsFor(PY311));
}

export function makeMarshal(): PyModule {
  const m = new PyModule('marshal');
  m.dict.setStr('version', intFromNumber(4));
  m.dict.setStr(
    'loads',
    builtinFunction('loads', (a) => readObject(bufferArg(a[0])).value),
  );
  m.dict.setStr(
    'dumps',
    builtinFunction('dumps', (a) => {
      if (a.length < 1) raise(typeErrorType, 'dumps expected at least 1 argument, got 0');
      return new PyBytes(writeObject(a[0]!, a[1]));
    }),
  );
  m.dict.setStr(
    'dump',
    builtinFunction('dump', (a) => {
      if (a.length < 2) raise(typeErrorType, `dump expected at least 2 arguments, got ${a.length}`);
      return callObject(getAttr(a[1]!, 'write'), [new PyBytes(writeObject(a[0]!, a[2]))], null);
    }),
  );
  m.dict.setStr(
    'load',
    builtinFunction('load', (a) => {
      if (a.length !== 1) raise(typeErrorType, `load() takes exactly one argument (${a.length} given)`);
      const file = a[0]!;
      // one object, leaving the file just after it (several can follow one another)
      const start = callObject(getAttr(file, 'tell'), [], null);
      const data = bufferArg(callObject(getAttr(file, 'read'), [], null));
      const { value, end } = readObject(data);
      callObject(getAttr(file, 'seek'), [intFromNumber(asJsIndex(start) + end)], null);
      return value;
    }),
  );
  return m;
}
