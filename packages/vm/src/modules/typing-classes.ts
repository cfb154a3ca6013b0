// typing's runtime classes: TypeVar, Generic (and Protocol) with their subscripted aliases,
// NamedTuple and TypedDict (class and functional forms), and get_type_hints.
// CPython counterpart: Lib/typing.py (TypeVar, Generic.__class_getitem__, _GenericAlias,
// NamedTupleMeta, _make_nmtuple, _TypedDictMeta, get_type_hints).
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType, builtinType, noneType, objectType, typeType } from '../objects/object.js';
import { False, True } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyDict, dictType } from '../objects/dict.js';
import { PyList } from '../objects/list.js';
import { PySet, frozenSetType } from '../objects/set.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { PyClassMethod, defGetSet } from '../objects/descr.js';
import { ts } from '../eval/state.js';
import { attributeErrorType, typeErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { callObject } from '../protocols/call.js';
import { getAttr, getAttrOpt, setAttr } from '../protocols/getattr.js';
import { repr } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';
import { toArray } from '../protocols/iter.js';
import { namedtuple } from './collections.js';
import { importModule, sysModules } from './registry.js';
import { PyModule } from '../objects/module.js';

/** typing._type_repr */
export function typeRepr(o: PyObject): string {
  if (o instanceof PyType) return o.module === 'builtins' ? o.qualname : `${o.module}.${o.qualname}`;
  if (o === None) return 'None';
  if (o.type === typeType) return repr(o);
  return repr(o);
}

function pyClass(name: string, bases: PyType[], attrs: Record<string, PyObject>, meta: PyType = typeType): PyType {
  const ns = new PyDict();
  ns.setStr('__module__', newStr('typing'));
  ns.setStr('__qualname__', newStr(name));
  for (const [k, v] of Object.entries(attrs)) ns.setStr(k, v);
  return typeNew(meta, name, bases, ns, null);
}

// TypeVar
const typeVarType = builtinType('TypeVar', undefined, 0);
typeVarType.module = 'typing';
class PyTypeVar extends PyObject {
  constructor(
    readonly name: string,
    readonly covariant: boolean,
    readonly contravariant: boolean,
    readonly bound: PyObject,
    readonly constraints: PyObject[],
  ) {
    super(typeVarType);
  }
}
defMethod(typeVarType, '__new__', (a, kw) => {
  const name = a[1];
  if (!(name instanceof PyStr)) raise(typeErrorType, 'TypeVar name must be a string');
  const flag = (k: string) => kw?.get(k) !== undefined && isTrue(kw.get(k)!);
  const constraints = a.slice(2);
  if (constraints.length === 1) raise(typeErrorType, 'A single constraint is not allowed');
  if (flag('covariant') && flag('contravariant')) raise(typeErrorType, 'Bivariant types are not supported.');
  return new PyTypeVar(name.value, flag('covariant'), flag('contravariant'), kw?.get('bound') ?? None, constraints);
});
defMethod(typeVarType, '__repr__', (a) => {
  const v = a[0] as PyTypeVar;
  return newStr(`${v.covariant ? '+' : v.contravariant ? '-' : '~'}${v.name}`);
});
for (const [attr, get] of [
  ['__name__', (v: PyTypeVar) => newStr(v.name)],
  ['__bound__', (v: PyTypeVar) => v.bound],
  ['__constraints__', (v: PyTypeVar) => newTuple(v.constraints)],
  ['__covariant__', (v: PyTypeVar) => (v.covariant ? True : False)],
  ['__contravariant__', (v: PyTypeVar) => (v.contravariant ? True : False)],
] as const) {
  defGetSet(typeVarType, attr, (o) => get(o as PyTypeVar));
}

// _GenericAlias: C[args], subclassable (its __mro_entries__ gives C) and callable
const genericAliasType = builtinType('_GenericAlias', undefined, 0);
genericAliasType.module = 'typing';
class PyTypingAlias extends PyObject {
  constructor(
    readonly origin: PyType,
    readonly args: PyObject[],
  ) {
    super(genericAliasType);
  }
}
defMethod(genericAliasType, '__repr__', (a) => {
  const g = a[0] as PyTypingAlias;
  return newStr(`${typeRepr(g.origin)}[${g.args.map(typeRepr).join(', ')}]`);
});
defMethod(genericAliasType, '__mro_entries__', (a) => newTuple([(a[0] as PyTypingAlias).origin]));
defMethod(genericAliasType, '__call__', (a, kw) => {
  const g = a[0] as PyTypingAlias;
  const inst = callObject(g.origin, a.slice(1), kw);
  try {
    setAttr(inst, '__orig_class__', g);
  } catch {
    // objects without a __dict__ keep no __orig_class__ (typing ignores the failure too)
  }
  return inst;
});
defMethod(genericAliasType, '__eq__', (a) => {
  const x = a[0] as PyTypingAlias;
  const y = a[1];
  if (!(y instanceof PyTypingAlias)) return NotImplemented;
  return x.origin === y.origin && x.args.length === y.args.length && x.args.every((v, i) => v === y.args[i]) ? True : False;
});
defMethod(genericAliasType, '__getattr__', (a) => {
  const name = (a[1] as PyStr).value;
  if (name === '__origin__') return (a[0] as PyTypingAlias).origin;
  if (name === '__args__') return newTuple((a[0] as PyTypingAlias).args);
  if (name.startsWith('__') && name.endsWith('__')) raise(attributeErrorType, name);
  return getAttr((a[0] as PyTypingAlias).origin, name);
});

function makeGeneric(): PyType {
  const generic = pyClass('Generic', [objectType], { __slots__: newTuple([]) });
  const getitem = defMethod(generic, '__class_getitem__', (a) => {
    const cls = a[0] as PyType;
    const params = a[1] instanceof PyTuple ? a[1].items : [a[1]!];
    if (params.length === 0) raise(typeErrorType, `Parameter list to ${cls.qualname}[...] cannot be empty`);
    if (cls === generic && !params.every((p) => p instanceof PyTypeVar)) raise(typeErrorType, 'Parameters to Generic[...] must all be type variables or parameter specification variables.');
    return new PyTypingAlias(cls, params);
  });
  generic.attrs.set('__class_getitem__', new PyClassMethod(getitem));
  return generic;
}

// NamedTuple
const PROHIBITED = new Set(['__new__', '__init__', '__slots__', '__getnewargs__', '_fields', '_field_defaults', '_make', '_replace', '_asdict', '_source']);
const SPECIAL = new Set(['__module__', '__name__', '__annotations__']);

function makeNamedTuple(typename: PyObject, fields: [string, PyObject][], defaults: PyObject[], module: PyObject): PyType {
  const kw: Kwargs = new Map();
  kw.set('defaults', new PyList(defaults));
  kw.set('module', module);
  const cls = namedtuple([typename, new PyList(fields.map(([n]) => newStr(n)))], kw) as PyType;
  const ann = new PyDict();
  for (const [n, t] of fields) ann.setStr(n, t);
  cls.setAttr('__annotations__', ann);
  return cls;
}

/** The calling module's name, as typing's _caller() finds it. */
function callerModule(): PyObject {
  return ts.frame?.globals.getStr('__name__') ?? newStr('__main__');
}

// TypedDict
function typedDictNew(meta: PyType, name: string, bases: PyType[], ns: PyDict, total: boolean): PyType {
  for (const b of bases) {
    if (b.type !== meta && b !== dictType) raise(typeErrorType, 'cannot inherit from both a TypedDict type and a non-TypedDict base class');
  }
  const own = ns.getStr('__annotations__');
  const cls = typeNew(meta, name, [dictType], ns, null);
  const annotations = new PyDict();
  const required = new PySet(frozenSetType);
  const optional = new PySet(frozenSetType);
  for (const b of bases) {
    const ba = b.attrs.get('__annotations__');
    if (ba instanceof PyDict) for (const [k, v] of ba.entries()) annotations.set(k, v);
    const br = b.attrs.get('__required_keys__');
    const bo = b.attrs.get('__optional_keys__');
    if (br instanceof PySet) for (const k of br.items()) required.add(k);
    if (bo instanceof PySet) for (const k of bo.items()) optional.add(k);
  }
  if (own instanceof PyDict) {
    for (const [k, v] of own.entries()) {
      annotations.set(k, v);
      (total ? required : optional).add(k);
    }
  }
  cls.setAttr('__annotations__', annotations);
  cls.setAttr('__required_keys__', required);
  cls.setAttr('__optional_keys__', optional);
  cls.setAttr('__total__', total ? True : False);
  return cls;
}

export function addTypingClasses(m: PyModule): void {
  const d = m.dict;
  d.setStr('TypeVar', typeVarType);
  const generic = makeGeneric();
  d.setStr('Generic', generic);
  d.setStr('Protocol', pyClass('Protocol', [generic], { __slots__: newTuple([]) }));

  // NamedTuple: the function, and the base class its __mro_entries__ gives (with NamedTupleMeta)
  const ntMeta = pyClass('NamedTupleMeta', [typeType], {});
  defMethod(ntMeta, '__new__', (a) => {
    const typename = a[1]!;
    const ns = a[3] as PyDict;
    const annArg = ns.getStr('__annotations__');
    const fields: [string, PyObject][] = annArg instanceof PyDict ? [...annArg.entries()].map(([k, v]) => [(k as PyStr).value, v]) : [];
    const defaults: PyObject[] = [];
    let firstDefault: string | null = null;
    for (const [n] of fields) {
      const v = ns.getStr(n);
      if (v !== undefined) {
        defaults.push(v);
        firstDefault ??= n;
      } else if (firstDefault !== null) {
        raise(typeErrorType, `Non-default namedtuple field ${n} cannot follow default field${defaults.length > 1 ? 's' : ''} ${fields.filter(([f]) => ns.getStr(f) !== undefined).map(([f]) => f).join(', ')}`);
      }
    }
    const cls = makeNamedTuple(typename, fields, defaults, ns.getStr('__module__') ?? callerModule());
    for (const [k, v] of ns.entries()) {
      const key = (k as PyStr).value;
      if (PROHIBITED.has(key)) raise(attributeErrorType, `Cannot overwrite NamedTuple attribute ${key}`);
      if (!SPECIAL.has(key) && !fields.some(([f]) => f === key)) cls.setAttr(key, v);
    }
    return cls;
  });
  const ntBase = typeNew(ntMeta, 'NamedTuple', [objectType], new PyDict(), null);
  const factory = (name: string, call: (a: PyObject[], kw: Kwargs | null) => PyObject, base: PyType): PyObject => {
    const t = builtinType(name, undefined, 0);
    t.module = 'typing';
    defMethod(t, '__call__', (a, kw) => call(a.slice(1), kw));
    defMethod(t, '__mro_entries__', () => newTuple([base]));
    defMethod(t, '__repr__', () => newStr(`<function ${name}>`));
    return new PyObject(t);
  };
  d.setStr(
    'NamedTuple',
    factory(
      'NamedTuple',
      (a, kw) => {
        const fieldsArg = a[1];
        const fields: [string, PyObject][] =
          fieldsArg === undefined || fieldsArg === None
            ? [...(kw ?? [])].map(([k, v]) => [k, v])
            : toArray(fieldsArg).map((p) => {
                const [n, t] = toArray(p);
                return [(n as PyStr).value, t!];
              });
        return makeNamedTuple(a[0]!, fields, [], callerModule());
      },
      ntBase,
    ),
  );

  const tdMeta = pyClass('_TypedDictMeta', [typeType], {});
  defMethod(tdMeta, '__new__', (a, kw) => {
    const totalArg = kw?.get('total');
    return typedDictNew(a[0] as PyType, (a[1] as PyStr).value, toArray(a[2]!) as PyType[], a[3] as PyDict, totalArg === undefined || isTrue(totalArg));
  });
  defMethod(tdMeta, '__init__', () => None);
  // _TypedDictMeta.__call__ = dict: instances are plain dicts
  defMethod(tdMeta, '__call__', (a, kw) => callObject(dictType, a.slice(1), kw));
  const tdBase = typeNew(tdMeta, 'TypedDict', [dictType], new PyDict(), null);
  d.setStr(
    'TypedDict',
    factory(
      'TypedDict',
      (a, kw) => {
        const ns = new PyDict();
        const ann = new PyDict();
        const fieldsArg = a[1];
        if (fieldsArg instanceof PyDict) for (const [k, v] of fieldsArg.entries()) ann.set(k, v);
        ns.setStr('__annotations__', ann);
        ns.setStr('__module__', callerModule());
        const total = kw?.get('total');
        return typedDictNew(tdMeta, (a[0] as PyStr).value, [tdBase], ns, total === undefined || isTrue(total));
      },
      tdBase,
    ),
  );
  d.setStr('is_typeddict', builtinFunction('is_typeddict', (a) => (a[0] instanceof PyType && a[0].type === tdMeta ? True : False)));

  d.setStr(
    'get_type_hints',
    builtinFunction('get_type_hints', (a, kw) => {
      const obj = a[0]!;
      const localns = a[2] ?? kw?.get('localns') ?? None;
      const evalFn = importModule('builtins')!.dict.getStr('eval')!;
      const resolve = (v: PyObject, globalns: PyObject): PyObject => {
        if (v === None) return noneType;
        if (v instanceof PyStr) return callObject(evalFn, [v, globalns, localns === None ? globalns : localns], null);
        return v;
      };
      const hints = new PyDict();
      if (obj instanceof PyType) {
        for (const base of [...obj.mro].reverse()) {
          const ann = base.attrs.get('__annotations__');
          if (!(ann instanceof PyDict)) continue;
          const mod = sysModules().getStr(base.module);
          const globalns = a[1] ?? kw?.get('globalns') ?? (mod instanceof PyModule ? mod.dict : new PyDict());
          for (const [k, v] of ann.entries()) hints.set(k, resolve(v, globalns));
        }
        return hints;
      }
      const ann = getAttrOpt(obj, '__annotations__');
      if (!(ann instanceof PyDict)) {
        if (ann === undefined || ann === None) return hints;
        raise(typeErrorType, `${repr(obj)} is not a module, class, method, or function.`);
      }
      const globalns = a[1] ?? kw?.get('globalns') ?? getAttrOpt(obj, '__globals__') ?? new PyDict();
      for (const [k, v] of ann.entries()) hints.set(k, resolve(v, globalns));
      return hints;
    }),
  );
  d.setStr('get_origin', builtinFunction('get_origin', (a) => (a[0] instanceof PyTypingAlias ? a[0].origin : None)));
  d.setStr('get_args', builtinFunction('get_args', (a) => (a[0] instanceof PyTypingAlias ? newTuple(a[0].args) : newTuple([]))));
}
