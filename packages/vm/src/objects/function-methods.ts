// Attributes and methods of functions, bound methods, builtins, cells, and the descriptor types
// property, staticmethod and classmethod. CPython counterpart: Objects/funcobject.c,
// Objects/classobject.c, Objects/methodobject.c, Objects/cellobject.c, Objects/descrobject.c.
import { raise } from '../errors.js';
import { None, PyObject, PyType } from './object.js';
import { newStr, PyStr } from './str.js';
import { newTuple, PyTuple } from './tuple.js';
import { PyNativeIter } from './iterators.js';
import { defIteratorMethods } from './iterator-methods.js';
import { builtinType } from './object.js';

const positionsIteratorType = builtinType('positions_iterator', undefined, 0);
const lineIteratorType = builtinType('line_iterator', undefined, 0);
import { PyDict } from './dict.js';
import { PyCell, PyFunction, PyMethod, cellType, functionType, methodType } from './function.js';
import { PyBuiltin, builtinFunctionType, defMethod, methodDescriptorType, type Kwargs } from './native.js';
import {
  PyClassMethod,
  PyProperty,
  PyStaticMethod,
  classMethodType,
  defGetSet,
  propertyType,
  staticMethodType,
  getSetDescriptorType,
  PyGetSet,
} from './descr.js';
import { attributeErrorType, indexErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { repr } from '../protocols/repr.js';
import { callObject } from '../protocols/call.js';
import { descrGet, getAttr, getAttrOpt } from '../protocols/getattr.js';
import { isTrue } from '../protocols/truth.js';
import { idHash, objectId, pyHash } from '../protocols/hash.js';
import { isCallable } from '../builtins/introspection.js';
import { intFromNumber, newInt, pyBool, PyInt } from './int.js';
import { Code, codeType } from '../eval/code.js';
import { ts } from '../eval/state.js';
import { PyModule } from './module.js';
import { CO_FAST_CELL, CO_FAST_FREE, decodeLocationTable, type LocationEntry } from '@tspyc/bytecode';
import { PyBytes } from './bytes.js';

function hex(o: PyObject): string {
  return `0x${objectId(o).toString(16)}`;
}

function fn(o: PyObject): PyFunction {
  if (!(o instanceof PyFunction)) raise(typeErrorType, 'expected a function');
  return o;
}

/** types.FunctionType(code, globals, name=None, argdefs=None, closure=None): func_new_impl. */
function functionNew(a: PyObject[], kw: Kwargs | null): PyFunction {
  const arg = (i: number, name: string) => a[i] ?? kw?.get(name) ?? None;
  const code = arg(0, 'code');
  const globals = arg(1, 'globals');
  const name = arg(2, 'name');
  const argdefs = arg(3, 'argdefs');
  const closure = arg(4, 'closure');
  if (!(code instanceof Code)) raise(typeErrorType, `function() argument 'code' must be code, not ${code.type.name}`);
  if (!(globals instanceof PyDict)) raise(typeErrorType, `function() argument 'globals' must be dict, not ${globals.type.name}`);
  if (name !== None && !(name instanceof PyStr)) raise(typeErrorType, 'arg 3 (name) must be None or string');
  if (argdefs !== None && !(argdefs instanceof PyTuple)) raise(typeErrorType, 'arg 4 (defaults) must be None or tuple');
  const nfree = code.nfrees;
  if (nfree > 0 && !(closure instanceof PyTuple)) raise(typeErrorType, 'arg 5 (closure) must be tuple');
  if (closure !== None && !(closure instanceof PyTuple)) raise(typeErrorType, 'arg 5 (closure) must be None or tuple');
  const cells = closure instanceof PyTuple ? closure.items : [];
  if (cells.length !== nfree) raise(valueErrorType, `${code.name} requires closure of length ${nfree}, not ${cells.length}`);
  for (const c of cells) if (!(c instanceof PyCell)) raise(typeErrorType, `arg 5 (closure) expected cell, found ${c.type.name}`);
  // _PyEval_BuiltinsFromGlobals: globals['__builtins__'], else the running frame's
  const b = globals.getStr('__builtins__');
  const builtins = b instanceof PyModule ? b.dict : b instanceof PyDict ? b : ts.frame!.builtins;
  const func = new PyFunction(code, globals, builtins);
  if (name instanceof PyStr) func.name = name.value;
  const mod = globals.getStr('__name__');
  if (mod !== undefined) func.module = mod;
  const doc = code.docConst;
  if (doc !== null) func.doc = doc;
  if (argdefs instanceof PyTuple) func.defaults = argdefs.items;
  if (cells.length > 0) func.closure = cells as PyCell[];
  return func;
}

export function initFunctions(): void {
  const f = functionType;
  defMethod(f, '__repr__', (a) => newStr(`<function ${fn(a[0]!).qualname} at ${hex(a[0]!)}>`));
  defMethod(f, '__get__', (a) => descrGet(a[0]!, a[1] === None ? null : a[1]!, (a[2] ?? a[1]!.type) as PyType));
  defMethod(f, '__call__', (a, kw) => callObject(a[0]!, a.slice(1), kw));
  defGetSet(f, '__name__', (o) => newStr(fn(o).name), (o, v) => {
    if (!(v instanceof PyStr)) raise(typeErrorType, '__name__ must be set to a string object');
    fn(o).name = v.value;
  });
  defGetSet(f, '__qualname__', (o) => newStr(fn(o).qualname), (o, v) => {
    if (!(v instanceof PyStr)) raise(typeErrorType, '__qualname__ must be set to a string object');
    fn(o).qualname = v.value;
  });
  defGetSet(f, '__doc__', (o) => fn(o).doc ?? None, (o, v) => {
    fn(o).doc = v;
  });
  defGetSet(f, '__module__', (o) => fn(o).module ?? None, (o, v) => {
    fn(o).module = v;
  });
  defGetSet(f, '__defaults__', (o) => (fn(o).defaults ? newTuple(fn(o).defaults!) : None), (o, v) => {
    if (v !== None && v !== null && !(v instanceof PyTuple)) raise(typeErrorType, '__defaults__ must be set to a tuple object');
    fn(o).defaults = v instanceof PyTuple ? v.items : null;
  });
  defGetSet(f, '__kwdefaults__', (o) => fn(o).kwdefaults ?? None, (o, v) => {
    if (v !== None && v !== null && !(v instanceof PyDict)) raise(typeErrorType, '__kwdefaults__ must be set to a dict object');
    fn(o).kwdefaults = v instanceof PyDict ? v : null;
  });
  defGetSet(f, '__code__', (o) => fn(o).code, (o, v) => {
    if (!(v instanceof Code)) raise(typeErrorType, '__code__ must be set to a code object');
    const func = fn(o);
    const nfree = func.closure?.length ?? 0;
    if (v.nfrees !== nfree) raise(valueErrorType, `${func.name}() requires a code object with ${nfree} free vars, not ${v.nfrees}`);
    func.code = v;
  });
  defMethod(f, '__new__', (a, kw) => functionNew(a.slice(1), kw));
  defGetSet(f, '__globals__', (o) => fn(o).globals);
  defGetSet(f, '__closure__', (o) => (fn(o).closure ? newTuple(fn(o).closure!) : None));
  defGetSet(f, '__annotations__', (o) => {
    const func = fn(o);
    if (func.annotations === null) func.annotations = new PyDict();
    else if (func.annotations instanceof PyTuple) {
      const d = new PyDict();
      const items = func.annotations.items;
      for (let i = 0; i + 1 < items.length; i += 2) d.set(items[i]!, items[i + 1]!);
      func.annotations = d;
    }
    return func.annotations;
  }, (o, v) => {
    if (v !== null && v !== None && !(v instanceof PyDict)) raise(typeErrorType, '__annotations__ must be set to a dict object');
    fn(o).annotations = v instanceof PyDict ? v : null;
  });
  defGetSet(f, '__dict__', (o) => {
    if (o.dict === null) o.dict = new PyDict();
    return o.dict;
  }, (o, v) => {
    if (v === null) raise(typeErrorType, 'cannot delete __dict__');
    if (!(v instanceof PyDict)) raise(typeErrorType, `__dict__ must be set to a dictionary, not a '${v.type.name}'`);
    o.dict = v;
  });
  defGetSet(f, '__builtins__', (o) => fn(o).builtins);

  const m = methodType;
  defMethod(m, '__repr__', (a) => {
    const b = a[0] as PyMethod;
    const name = getAttr(b.func, '__qualname__');
    return newStr(`<bound method ${(name as PyStr).value} of ${repr(b.self)}>`);
  });
  defMethod(m, '__call__', (a, kw) => callObject(a[0]!, a.slice(1), kw));
  defMethod(m, '__new__', (a) => {
    if (a.length !== 3) raise(typeErrorType, `method expected 2 arguments, got ${a.length - 1}`);
    if (!isCallable(a[1]!)) raise(typeErrorType, 'first argument must be callable');
    if (a[2] === None) raise(typeErrorType, 'instance must not be None');
    return new PyMethod(a[1]!, a[2]!);
  });
  // meth_hash: the identity of __self__ mixed with the function's hash
  defMethod(m, '__hash__', (a) => newInt(idHash((a[0] as PyMethod).self) ^ pyHash((a[0] as PyMethod).func)));
  defMethod(m, '__eq__', (a) => pyBool(a[1] instanceof PyMethod && a[1].func === (a[0] as PyMethod).func && a[1].self === (a[0] as PyMethod).self));
  defGetSet(m, '__func__', (o) => (o as PyMethod).func);
  defGetSet(m, '__self__', (o) => (o as PyMethod).self);
  defGetSet(m, '__name__', (o) => getAttr((o as PyMethod).func, '__name__'));
  defGetSet(m, '__qualname__', (o) => getAttr((o as PyMethod).func, '__qualname__'));
  defGetSet(m, '__doc__', (o) => getAttr((o as PyMethod).func, '__doc__'));

  // builtin_function_or_method: module functions (PyBuiltin) and methods of builtin types bound
  // to an object (a PyMethod over a PyBuiltin, given this type as CPython's PyCFunction is)
  const builtinOf = (o: PyObject) => (o instanceof PyMethod ? (o.func as PyBuiltin) : (o as PyBuiltin));
  for (const t of [builtinFunctionType, methodDescriptorType]) {
    defMethod(t, '__repr__', (a) => {
      const o = a[0]!;
      if (o instanceof PyMethod) {
        const self = o.self;
        return newStr(`<built-in method ${builtinOf(o).name} of ${self instanceof PyType ? 'type' : self.type.name} object at ${hex(self)}>`);
      }
      const b = o as PyBuiltin;
      if (b.owner) return newStr(`<method '${b.name}' of '${b.owner.name}' objects>`);
      return newStr(`<built-in function ${b.name}>`);
    });
    defMethod(t, '__call__', (a, kw) => callObject(a[0]!, a.slice(1), kw));
    defGetSet(t, '__name__', (o) => newStr(builtinOf(o).name));
    defGetSet(t, '__qualname__', (o) => newStr(builtinOf(o).qualname));
    defGetSet(t, '__doc__', () => None);
    defGetSet(t, '__self__', (o) => (o instanceof PyMethod ? o.self : (o as PyBuiltin).self ?? None));
    // meth_reduce / descr_reduce: a module's function pickles as its name, a method as
    // getattr(its object or type, name)
    defMethod(t, '__reduce__', (a) => {
      const o = a[0]!;
      const b = builtinOf(o);
      const self = o instanceof PyMethod ? o.self : b.owner;
      if (self === null) return newStr(b.name);
      return newTuple([ts.frame!.builtins.getStr('getattr')!, newTuple([self, newStr(b.name)])]);
    });
  }
  defMethod(methodDescriptorType, '__get__', (a) => descrGet(a[0]!, a[1] === None ? null : a[1]!, (a[2] ?? a[1]!.type) as PyType));

  defMethod(cellType, '__new__', (a) => {
    if (a.length > 2) raise(typeErrorType, `cell expected at most 1 argument, got ${a.length - 1}`);
    return new PyCell(a[1] ?? null);
  });
  defGetSet(cellType, 'cell_contents', (o) => {
    const c = o as PyCell;
    if (c.ref === null) raise(valueErrorType, 'Cell is empty');
    return c.ref;
  }, (o, v) => {
    (o as PyCell).ref = v;
  });

  const sm = staticMethodType;
  defMethod(sm, '__new__', (a) => new PyStaticMethod(None, a[0] as PyType));
  defMethod(sm, '__init__', (a) => {
    (a[0] as PyStaticMethod).func = a[1]!;
    return None;
  });
  defMethod(sm, '__get__', (a) => (a[0] as PyStaticMethod).func);
  defMethod(sm, '__call__', (a, kw) => callObject((a[0] as PyStaticMethod).func, a.slice(1), kw));
  defGetSet(sm, '__func__', (o) => (o as PyStaticMethod).func);
  defGetSet(sm, '__wrapped__', (o) => (o as PyStaticMethod).func);
  const cm = classMethodType;
  defMethod(cm, '__new__', (a) => new PyClassMethod(None, a[0] as PyType));
  defMethod(cm, '__init__', (a) => {
    (a[0] as PyClassMethod).func = a[1]!;
    return None;
  });
  defMethod(cm, '__get__', (a) => descrGet(a[0]!, a[1] === None ? null : a[1]!, (a[2] ?? a[1]!.type) as PyType));
  defGetSet(cm, '__func__', (o) => (o as PyClassMethod).func);
  defGetSet(cm, '__wrapped__', (o) => (o as PyClassMethod).func);

  const p = propertyType;
  defMethod(p, '__new__', (a) => new PyProperty(a[0] as PyType));
  defMethod(p, '__init__', (a, kw) => {
    const prop = a[0] as PyProperty;
    const arg = (i: number, name: string): PyObject | null => {
      const v = a[i] ?? kw?.get(name);
      return v === undefined || v === None ? null : v;
    };
    prop.fget = arg(1, 'fget');
    prop.fset = arg(2, 'fset');
    prop.fdel = arg(3, 'fdel');
    prop.doc = arg(4, 'doc');
    if (prop.doc === null && prop.fget !== null) {
      try {
        const d = getAttr(prop.fget, '__doc__');
        prop.doc = d === None ? null : d;
      } catch {
        prop.doc = null;
      }
    }
    return None;
  });
  const copyWith = (prop: PyProperty, which: 'fget' | 'fset' | 'fdel', v: PyObject): PyProperty => {
    const q = new PyProperty(prop.type);
    q.fget = prop.fget;
    q.fset = prop.fset;
    q.fdel = prop.fdel;
    q.doc = prop.doc;
    q.name = prop.name;
    q[which] = v === None ? null : v;
    return q;
  };
  defMethod(p, 'getter', (a) => copyWith(a[0] as PyProperty, 'fget', a[1]!));
  defMethod(p, 'setter', (a) => copyWith(a[0] as PyProperty, 'fset', a[1]!));
  defMethod(p, 'deleter', (a) => copyWith(a[0] as PyProperty, 'fdel', a[1]!));
  defMethod(p, '__get__', (a) => descrGet(a[0]!, a[1] === None ? null : a[1]!, (a[2] ?? a[1]!.type) as PyType));
  defMethod(p, '__set_name__', (a) => {
    (a[0] as PyProperty).name = (a[2] as PyStr).value;
    return None;
  });
  defGetSet(p, 'fget', (o) => (o as PyProperty).fget ?? None);
  defGetSet(p, 'fset', (o) => (o as PyProperty).fset ?? None);
  defGetSet(p, 'fdel', (o) => (o as PyProperty).fdel ?? None);
  // __isabstractmethod__: what abc asks of descriptors wrapping an abstract function
  const isAbstract = (f: PyObject | null) => {
    if (f === null || f === None) return false;
    const v = getAttrOpt(f, '__isabstractmethod__');
    return v !== undefined && isTrue(v);
  };
  defGetSet(p, '__isabstractmethod__', (o) => {
    const q = o as PyProperty;
    return pyBool(isAbstract(q.fget) || isAbstract(q.fset) || isAbstract(q.fdel));
  });
  defGetSet(sm, '__isabstractmethod__', (o) => pyBool(isAbstract((o as PyStaticMethod).func)));
  defGetSet(cm, '__isabstractmethod__', (o) => pyBool(isAbstract((o as PyClassMethod).func)));
  defGetSet(p, '__doc__', (o) => (o as PyProperty).doc ?? None, (o, v) => {
    (o as PyProperty).doc = v === None ? null : v;
  });

  defMethod(getSetDescriptorType, '__get__', (a) => {
    const g = a[0] as PyGetSet;
    return a[1] === None ? g : g.get(a[1]!);
  });
  defMethod(getSetDescriptorType, '__repr__', (a) => {
    const g = a[0] as PyGetSet;
    return newStr(`<attribute '${g.name}' of '${g.owner.name}' objects>`);
  });

  defIteratorMethods(positionsIteratorType);
  // co_positions(): (lineno, end_lineno, col_offset, end_col_offset) per code unit
  defMethod(codeType, 'co_positions', (a) => {
    const code = a[0] as Code;
    const n = code.bytes.length >> 1;
    let i = 0;
    const orNone = (v: number | null) => (v === null ? None : intFromNumber(v));
    return new PyNativeIter(positionsIteratorType, () => {
      if (i >= n) return null;
      const p = code.positionAt(i++);
      return newTuple(p === null ? [None, None, None, None] : [orNone(p.line), orNone(p.endLine), orNone(p.col), orNone(p.endCol)]);
    });
  });
  defIteratorMethods(lineIteratorType);
  // co_lines(): (start, end, line) in bytes, one per location table entry (lineiter_next), line
  // None where the entry has none
  defMethod(codeType, 'co_lines', (a) => {
    const code = a[0] as Code;
    let entries: LocationEntry[];
    try {
      entries = decodeLocationTable(code.co.linetable.value, code.firstlineno);
    } catch {
      entries = [];
    }
    let i = 0;
    return new PyNativeIter(lineIteratorType, () => {
      const e = entries[i++];
      if (e === undefined) return null;
      return newTuple([intFromNumber(e.start * 2), intFromNumber((e.start + e.units) * 2), e.line === null ? None : intFromNumber(e.line)]);
    });
  });
  // _varname_from_oparg(i): the name of localsplus slot i (dis names LOAD_FAST's and LOAD_DEREF's operands so)
  defMethod(codeType, '_varname_from_oparg', (a) => {
    const c = a[0] as Code;
    const i = a[1] instanceof PyInt ? Number(a[1].value) : -1;
    const name = c.localsplusNames[i];
    if (name === undefined) raise(indexErrorType, 'tuple index out of range');
    return newStr(name);
  });
  defMethod(codeType, '__repr__', (a) => {
    const c = a[0] as Code;
    return newStr(`<code object ${c.name} at ${hex(c)}, file "${c.filename}", line ${c.firstlineno}>`);
  });
  defGetSet(codeType, 'co_name', (o) => newStr((o as Code).name));
  defGetSet(codeType, 'co_qualname', (o) => newStr((o as Code).qualname));
  defGetSet(codeType, 'co_filename', (o) => newStr((o as Code).filename));
  defGetSet(codeType, 'co_firstlineno', (o) => intFromNumber((o as Code).firstlineno));
  defGetSet(codeType, 'co_argcount', (o) => intFromNumber((o as Code).argcount));
  defGetSet(codeType, 'co_varnames', (o) => newTuple((o as Code).localsplusNames.filter((_, i) => (o as Code).isLocal(i)).map(newStr)));
  const namesOfKind = (c: Code, kind: number) => newTuple(c.localsplusNames.filter((_, i) => (c.localsplusKinds[i]! & kind) !== 0).map(newStr));
  defGetSet(codeType, 'co_cellvars', (o) => namesOfKind(o as Code, CO_FAST_CELL));
  defGetSet(codeType, 'co_freevars', (o) => namesOfKind(o as Code, CO_FAST_FREE));
  defGetSet(codeType, 'co_nlocals', (o) => intFromNumber((o as Code).localsplusNames.filter((_, i) => (o as Code).isLocal(i)).length));
  defGetSet(codeType, 'co_posonlyargcount', (o) => intFromNumber((o as Code).posonlyargcount));
  defGetSet(codeType, 'co_kwonlyargcount', (o) => intFromNumber((o as Code).kwonlyargcount));
  defGetSet(codeType, 'co_flags', (o) => intFromNumber((o as Code).flags));
  defGetSet(codeType, 'co_stacksize', (o) => intFromNumber((o as Code).stacksize));
  defGetSet(codeType, 'co_consts', (o) => newTuple((o as Code).consts));
  defGetSet(codeType, 'co_names', (o) => newTuple((o as Code).nameObjs));
  defGetSet(codeType, 'co_code', (o) => new PyBytes((o as Code).bytes));
  void attributeErrorType;
}
