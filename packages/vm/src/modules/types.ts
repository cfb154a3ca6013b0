// types: the interpreter's own types by name, SimpleNamespace, and new_class's cousins that are
// cheap. CPython counterpart: Lib/types.py.
import { type PyType, ellipsisType, noneType, notImplementedType } from '../objects/object.js';
import { PyModule, moduleType } from '../objects/module.js';
import { builtinFunctionType, methodDescriptorType } from '../objects/native.js';
import { cellType, functionType, methodType } from '../objects/function.js';
import { generatorType } from '../objects/generator.js';
import { asyncGeneratorType, coroutineType } from '../objects/coroutine.js';
import { getSetDescriptorType, memberDescriptorType } from '../objects/descr.js';
import { mappingProxyType } from '../objects/mappingproxy.js';
import { genericAliasType } from '../objects/generic-alias.js';
import { unionType } from '../objects/union-type.js';
import { tracebackType } from '../objects/traceback.js';
import { codeType } from '../eval/code.js';
import { simpleNamespaceType } from '../objects/namespace.js';

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
  return m;
}
