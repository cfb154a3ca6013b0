// types: the interpreter's own types by name, SimpleNamespace, and new_class's cousins that are
// cheap. CPython counterpart: Lib/types.py.
import { type PyType, ellipsisType, noneType, notImplementedType } from '../objects/object.js';
import { PyModule, moduleType } from '../objects/module.js';
import { builtinFunction, builtinFunctionType, defMethod, methodDescriptorType } from '../objects/native.js';
import { cellType, functionType, methodType, PyFunction } from '../objects/function.js';
import { raise } from '../errors.js';
import type { PyObject } from '../objects/object.js';
import { generatorType } from '../objects/generator.js';
import { asyncGeneratorType, coroutineType } from '../objects/coroutine.js';
import { getSetDescriptorType, memberDescriptorType } from '../objects/descr.js';
import { mappingProxyType } from '../objects/mappingproxy.js';
import { genericAliasType } from '../objects/generic-alias.js';
import { unionType } from '../objects/union-type.js';
import { tracebackType } from '../objects/traceback.js';
import { CodeObject } from '@tspyc/bytecode';
import { Code, codeType, CO_COROUTINE, CO_GENERATOR, CO_ITERABLE_COROUTINE } from '../eval/code.js';
import { typeErrorType } from '../objects/exception-types.js';
import { isCallable } from '../builtins/introspection.js';
import { simpleNamespaceType } from '../objects/namespace.js';

/** types.coroutine: a generator function's code gains CO_ITERABLE_COROUTINE, so `await` accepts its generators. */
function typesCoroutine(func: PyObject): PyObject {
  if (!isCallable(func)) raise(typeErrorType, 'types.coroutine() expects a callable');
  if (func instanceof PyFunction && func.type === functionType) {
    const co = func.code;
    if (co.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) return func;
    if (co.flags & CO_GENERATOR) {
      func.code = new Code(new CodeObject({ ...co.co, flags: co.flags | CO_ITERABLE_COROUTINE }));
      return func;
    }
  }
  return func;
}

export function makeTypes(): PyModule {
  const m = new PyModule('types');
  const d = m.dict;
  const entries: [string, PyType][] = [
    ['SimpleNamespace', simpleNamespaceType], ['FunctionType', functionType], ['LambdaType', functionType],
    ['MethodType', methodType], ['GeneratorType', generatorType], ['CoroutineType', coroutineType],
    ['AsyncGeneratorType', asyncGeneratorType], ['BuiltinFunctionType', builtinFunctionType],
    ['BuiltinMethodType', builtinFunctionType], ['MethodDescriptorType', methodDescriptorType],
    ['ModuleType', moduleType], ['MappingProxyType', mappingProxyType], ['GenericAlias', genericAliasType], ['UnionType', unionType],
    ['CodeType', codeType], ['CellType', cellType], ['TracebackType', tracebackType],
    ['GetSetDescriptorType', getSetDescriptorType], ['MemberDescriptorType', memberDescriptorType],
    ['NoneType', noneType], ['EllipsisType', ellipsisType], ['NotImplementedType', notImplementedType],
  ];
  for (const [name, t] of entries) d.setStr(name, t);
  d.setStr('coroutine', builtinFunction('coroutine', (a) => typesCoroutine(a[0]!)));
  return m;
}
