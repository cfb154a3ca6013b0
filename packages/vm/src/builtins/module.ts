// The builtins module: every builtin function, type and exception in one namespace.
// CPython counterpart: Python/bltinmodule.c (_PyBuiltin_Init).
import { Ellipsis, None, NotImplemented, PyObject, objectType, typeType } from '../objects/object.js';
import { boolType, intType, False, True } from '../objects/int.js';
import { floatType } from '../objects/float.js';
import { complexType } from '../objects/complex.js';
import { strType } from '../objects/str.js';
import { byteArrayType, bytesType } from '../objects/bytes.js';
import { listType } from '../objects/list.js';
import { tupleType } from '../objects/tuple.js';
import { dictType } from '../objects/dict.js';
import { frozenSetType, setType } from '../objects/set.js';
import { rangeType } from '../objects/range.js';
import { sliceType } from '../objects/slice.js';
import { classMethodType, propertyType, staticMethodType } from '../objects/descr.js';
import { enumerateType, filterType, mapType, reversedType, zipType } from '../objects/iterators.js';
import { superType } from '../objects/super.js';
import { memoryViewType } from '../objects/memoryview.js';
import { execEvalBuiltins } from './exec-eval.js';
import { baseExceptionGroupType, exceptionGroupType } from '../objects/exception-group.js';
import { osErrorType, EXCEPTION_TYPES, PyBaseException, systemExitType } from '../objects/exception-types.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { PyError, newException } from '../errors.js';
import { numericBuiltins } from './numeric.js';
import { introspectionBuiltins } from './introspection.js';
import { ioBuiltins } from './io.js';
import { buildClassBuiltin } from './build-class.js';
import { sysState } from '../modules/sys.js';
import { openBuiltin } from '../modules/io-c.js';
import { sysModules } from '../modules/registry.js';
import { newStr } from '../objects/str.js';

/** sys.stdout as the program last set it (print() writes there), the host's stream by default. */
function currentStdout(): PyObject {
  const sys = sysModules().getStr('sys');
  return (sys instanceof PyModule ? sys.dict.getStr('stdout') : undefined) ?? sysState().stdout;
}

export function makeBuiltins(): PyModule {
  const m = new PyModule('builtins');
  const d = m.dict;
  for (const t of [
    objectType, typeType, intType, boolType, floatType, complexType, strType, bytesType, byteArrayType, listType, tupleType, dictType,
    setType, frozenSetType, rangeType, sliceType, propertyType, staticMethodType, classMethodType,
    enumerateType, zipType, mapType, filterType, reversedType, superType, memoryViewType,
  ]) {
    d.setStr(t.name, t);
  }
  for (const t of [...EXCEPTION_TYPES, baseExceptionGroupType, exceptionGroupType]) d.setStr(t.name, t);
  d.setStr('IOError', osErrorType);
  d.setStr('EnvironmentError', osErrorType);
  d.setStr('None', None);
  d.setStr('True', True);
  d.setStr('False', False);
  d.setStr('Ellipsis', Ellipsis);
  d.setStr('NotImplemented', NotImplemented);
  d.setStr('__debug__', True);
  d.setStr('__doc__', None);
  d.setStr('__name__', newStr('builtins'));
  const fns = [...numericBuiltins(), ...introspectionBuiltins(), ...ioBuiltins(currentStdout), buildClassBuiltin(), ...execEvalBuiltins()];
  for (const exitName of ['exit', 'quit']) {
    fns.push(
      builtinFunction(exitName, (a) => {
        // site.Quitter: raise SystemExit(code), code defaulting to None
        const e = newException(systemExitType, null) as PyBaseException;
        e.args = [a[0] ?? None];
        throw new PyError(e);
      }),
    );
  }
  fns.push(openBuiltin);
  for (const f of fns) {
    f.self = m;
    d.setStr(f.name, f);
  }
  return m;
}
