// types: the interpreter's own types by name, SimpleNamespace, and new_class's cousins that are
// cheap. CPython counterpart: Lib/types.py, Objects/namespaceobject.c (SimpleNamespace).
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType, builtinType, ellipsisType, noneType, notImplementedType } from '../objects/object.js';
import { PyStr, newStr } from '../objects/str.js';
import { pyBool } from '../objects/int.js';
import { PyDict } from '../objects/dict.js';
import { PyModule, moduleType } from '../objects/module.js';
import { builtinFunction, builtinFunctionType, defMethod, methodDescriptorType } from '../objects/native.js';
import { cellType, functionType, methodType, PyFunction } from '../objects/function.js';
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
import { repr, withReprGuard } from '../protocols/repr.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

export const simpleNamespaceType = builtinType('SimpleNamespace');
simpleNamespaceType.tpName = 'types.SimpleNamespace';
simpleNamespaceType.module = 'types';

function initSimpleNamespace(): void {
  const t = simpleNamespaceType;
  defMethod(t, '__new__', (a) => {
    const o = new PyObject(a[0] as PyType);
    o.dict = new PyDict();
    return o;
  });
  defMethod(t, '__init__', (a, kw) => {
    if (a.length > 1) raise(typeErrorType, 'no positional arguments expected');
    const d = a[0]!.dict as PyDict;
    if (kw) for (const [k, v] of kw) d.setStr(k, v);
    return None;
  });
  defMethod(t, '__repr__', (a) => {
    const o = a[0]!;
    const name = o.type === simpleNamespaceType ? 'namespace' : o.type.name;
    return newStr(
      withReprGuard(o, `${name}(...)`, () => {
        const parts: string[] = [];
        for (const [k, v] of (o.dict as PyDict).entries()) if (k instanceof PyStr) parts.push(`${k.value}=${repr(v)}`);
        return `${name}(${parts.join(', ')})`;
      }),
    );
  });
  t.attrs.set('__hash__', None);
  defMethod(t, '__eq__', (a) => {
    const x = a[0]!;
    const y = a[1]!;
    if (!y.type.isSubtype(simpleNamespaceType)) return NotImplemented;
    return pyBool(richCompareBool(x.dict!, y.dict!, CMP_EQ));
  });
}

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
  initSimpleNamespace();
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
