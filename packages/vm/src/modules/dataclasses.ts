// dataclasses, natively: @dataclass (init, repr, eq, order, frozen, unsafe_hash, __post_init__,
// __match_args__), field(), fields(), asdict(), astuple(), replace(), is_dataclass(), with the
// texts of Lib/dataclasses.py. CPython counterpart: Lib/dataclasses.py.
import { raise, PyError, newException } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType, objectType, TPFLAGS_BASETYPE } from '../objects/object.js';
import { False, PyInt, True, pyBool } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PySet } from '../objects/set.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { PyClassMethod, defGetSet } from '../objects/descr.js';
import { PyMappingProxy } from '../objects/mappingproxy.js';
import { typeNew } from '../objects/type.js';
import { attributeErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { repr, withReprGuard } from '../protocols/repr.js';
import { callObject } from '../protocols/call.js';
import { genericSetAttr, getAttr, getAttrOpt } from '../protocols/getattr.js';
import { pyHash, tupleHash } from '../protocols/hash.js';
import { richCompare, richCompareBool, CMP_EQ } from '../protocols/compare.js';
import { isTrue } from '../protocols/truth.js';
import { specialFormType } from './typing.js';

const fieldType = builtinType('Field', undefined, 0);
fieldType.module = 'dataclasses';
const missingType = builtinType('_MISSING_TYPE', undefined, 0);
missingType.module = 'dataclasses';
const MISSING = new PyObject(missingType);
export const frozenInstanceErrorType = builtinType('FrozenInstanceError', attributeErrorType, TPFLAGS_BASETYPE);
frozenInstanceErrorType.module = 'dataclasses';
frozenInstanceErrorType.solid = attributeErrorType.solid;

class PyField extends PyObject {
  name: string;
  annotation: PyObject;
  defaultValue: PyObject;
  defaultFactory: PyObject;
  init: boolean;
  repr: boolean;
  compare: boolean;
  /** None: follow compare */
  hash: PyObject;
  kwOnly: PyObject;
  metadata: PyObject;
  constructor() {
    super(fieldType);
    this.name = '';
    this.annotation = None;
    this.defaultValue = MISSING;
    this.defaultFactory = MISSING;
    this.init = true;
    this.repr = true;
    this.compare = true;
    this.hash = None;
    this.kwOnly = MISSING;
    this.metadata = None;
  }
}

/** dataclasses.InitVar[T]: an __init__ parameter passed on to __post_init__, not a field. */
const initVarType = builtinType('InitVar', undefined, 0);
initVarType.module = 'dataclasses';
class PyInitVar extends PyObject {
  constructor(readonly inner: PyObject) {
    super(initVarType);
  }
}
/** The KW_ONLY sentinel type: fields annotated after it are keyword-only. */
const kwOnlyType = builtinType('_KW_ONLY_TYPE', undefined, 0);
kwOnlyType.module = 'dataclasses';
const KW_ONLY = new PyObject(kwOnlyType);

function fieldsOf(cls: PyType): PyField[] | null {
  const d = cls.lookup('__dataclass_fields__');
  if (!(d instanceof PyDict)) return null;
  return [...d.entries()].map(([, f]) => f as PyField);
}

function isMutableDefault(v: PyObject): boolean {
  return v instanceof PyList || v instanceof PyDict || (v instanceof PySet && v.type.name === 'set');
}

function valuesOf(obj: PyObject, fields: PyField[]): PyObject {
  return newTuple(fields.filter((f) => f.compare).map((f) => getAttr(obj, f.name)));
}

function processClass(cls: PyType, opts: Map<string, boolean>): PyType {
  const kwOnlyDefault = opts.get('kw_only') ?? false;
  const initVars: PyField[] = [];
  const frozen = opts.get('frozen') ?? false;
  const eq = opts.get('eq') ?? true;
  const order = opts.get('order') ?? false;
  const unsafeHash = opts.get('unsafe_hash') ?? false;
  const all = new Map<string, PyField>();
  for (const base of [...cls.mro].slice(1).reverse()) {
    for (const f of fieldsOf(base) ?? []) all.set(f.name, f);
  }
  const ann = cls.attrs.get('__annotations__');
  if (ann instanceof PyDict) {
    let kwOnlyHere = kwOnlyDefault;
    for (const [k, t] of ann.entries()) {
      const name = (k as PyStr).value;
      if (t.type === specialFormType && repr(t).startsWith('typing.ClassVar')) continue;
      if (t === kwOnlyType) {
        kwOnlyHere = true;
        continue;
      }
      let f: PyField;
      const dflt = cls.attrs.get(name);
      if (dflt instanceof PyField) {
        f = dflt;
        if (f.defaultValue !== MISSING) cls.setAttr(name, f.defaultValue);
        else cls.deleteAttr(name);
      } else {
        f = new PyField();
        if (dflt !== undefined) f.defaultValue = dflt;
      }
      f.name = name;
      f.annotation = t;
      if (f.kwOnly === MISSING) f.kwOnly = kwOnlyHere ? True : False;
      if (t instanceof PyInitVar || t === initVarType) {
        initVars.push(f);
        continue;
      }
      if (f.defaultValue !== MISSING && isMutableDefault(f.defaultValue)) {
        raise(valueErrorType, `mutable default ${repr(f.defaultValue.type)} for field ${name} is not allowed: use default_factory`);
      }
      all.set(name, f);
    }
  }
  const fields = [...all.values()];
  const fd = new PyDict();
  for (const f of fields) fd.setStr(f.name, f);
  cls.setAttr('__dataclass_fields__', fd);
  const initFields = [...fields, ...initVars].filter((f) => f.init);
  const positional = initFields.filter((f) => f.kwOnly !== True);
  const keywordOnly = initFields.filter((f) => f.kwOnly === True);
  let seenDefault = false;
  for (const f of positional) {
    const hasDefault = f.defaultValue !== MISSING || f.defaultFactory !== MISSING;
    if (!hasDefault && seenDefault) raise(typeErrorType, `non-default argument '${f.name}' follows default argument`);
    if (hasDefault) seenDefault = true;
  }
  const qual = `${cls.qualname}.__init__`;
  const setField = (self: PyObject, name: string, v: PyObject) => genericSetAttr(self, name, v);
  if ((opts.get('init') ?? true) && !cls.attrs.has('__init__')) {
    defMethod(cls, '__init__', (a, kw) => {
      const self = a[0]!;
      const args = a.slice(1);
      if (args.length > positional.length) {
        const n = positional.length + 1;
        const ndef = positional.filter((f) => f.defaultValue !== MISSING || f.defaultFactory !== MISSING).length;
        const sig = ndef > 0 ? `from ${n - ndef} to ${n} positional arguments` : `${n} positional argument${n === 1 ? '' : 's'}`;
        raise(typeErrorType, `${qual}() takes ${sig} but ${args.length + 1} were given`);
      }
      const vals = new Map<string, PyObject>();
      positional.forEach((f, i) => {
        if (i < args.length) vals.set(f.name, args[i]!);
      });
      if (kw) for (const [k, v] of kw) {
        if (!initFields.some((f) => f.name === k)) raise(typeErrorType, `${qual}() got an unexpected keyword argument '${k}'`);
        if (vals.has(k)) raise(typeErrorType, `${qual}() got multiple values for argument '${k}'`);
        vals.set(k, v);
      }
      for (const [group, what] of [[positional, 'positional'], [keywordOnly, 'keyword-only']] as const) {
        const missing = group.filter((f) => !vals.has(f.name) && f.defaultValue === MISSING && f.defaultFactory === MISSING).map((f) => `'${f.name}'`);
        if (missing.length) {
          const list = missing.length === 1 ? missing[0] : missing.length === 2 ? `${missing[0]} and ${missing[1]}` : `${missing.slice(0, -1).join(', ')}, and ${missing[missing.length - 1]}`;
          raise(typeErrorType, `${qual}() missing ${missing.length} required ${what} argument${missing.length > 1 ? 's' : ''}: ${list}`);
        }
      }
      for (const f of fields) {
        let v = vals.get(f.name);
        if (v === undefined) {
          if (f.defaultFactory !== MISSING) v = callObject(f.defaultFactory, [], null);
          else if (f.defaultValue !== MISSING) v = f.defaultValue;
          else continue;
        }
        setField(self, f.name, v);
      }
      const post = self.type.lookup('__post_init__');
      if (post !== undefined) {
        const extra = initVars.map((f) => vals.get(f.name) ?? (f.defaultFactory !== MISSING ? callObject(f.defaultFactory, [], null) : f.defaultValue));
        callObject(getAttr(self, '__post_init__'), extra, null);
      }
      return None;
    });
  }
  if ((opts.get('repr') ?? true) && !cls.attrs.has('__repr__')) {
    defMethod(cls, '__repr__', (a) => {
      const self = a[0]!;
      return newStr(
        withReprGuard(self, '...', () => {
          const parts = fields.filter((f) => f.repr).map((f) => `${f.name}=${repr(getAttr(self, f.name))}`);
          return `${self.type.qualname}(${parts.join(', ')})`;
        }),
      );
    });
  }
  if (eq && !cls.attrs.has('__eq__')) {
    defMethod(cls, '__eq__', (a) => {
      if (a[1]!.type !== a[0]!.type) return NotImplemented;
      return pyBool(richCompareBool(valuesOf(a[0]!, fields), valuesOf(a[1]!, fields), CMP_EQ));
    });
  }
  if (order) {
    for (const [name, op] of [['__lt__', 0], ['__le__', 1], ['__gt__', 4], ['__ge__', 5]] as const) {
      defMethod(cls, name, (a) => {
        if (a[1]!.type !== a[0]!.type) return NotImplemented;
        return richCompare(valuesOf(a[0]!, fields), valuesOf(a[1]!, fields), op);
      });
    }
  }
  if (frozen) {
    const frozenError = (name: string): never => {
      const e = newException(frozenInstanceErrorType, `cannot assign to field '${name}'`);
      throw new PyError(e);
    };
    defMethod(cls, '__setattr__', (a) => frozenError((a[1] as PyStr).value));
    defMethod(cls, '__delattr__', (a) => {
      const e = newException(frozenInstanceErrorType, `cannot delete field '${(a[1] as PyStr).value}'`);
      throw new PyError(e);
    });
  }
  const hashFields = fields.filter((f) => (f.hash === None ? f.compare : isTrue(f.hash)));
  const hashFromFields = () =>
    defMethod(cls, '__hash__', (a) => new PyInt(tupleHash(hashFields.map((f) => getAttr(a[0]!, f.name)))));
  if (unsafeHash || (eq && frozen)) hashFromFields();
  else if (eq && !cls.attrs.has('__hash__')) cls.setAttr('__hash__', None);
  if (!cls.attrs.has('__match_args__')) cls.setAttr('__match_args__', newTuple(positional.map((f) => newStr(f.name))));
  void pyHash;
  if (opts.get('slots')) return withSlots(cls, fields);
  return cls;
}

/** _add_slots: the class made again with __slots__ = the field names (no instance __dict__). */
function withSlots(cls: PyType, fields: PyField[]): PyType {
  const ns = new PyDict();
  for (const [k, v] of cls.attrs) {
    if (k === '__dict__' || k === '__weakref__' || fields.some((f) => f.name === k)) continue;
    ns.setStr(k, v);
  }
  ns.setStr('__slots__', newTuple(fields.map((f) => newStr(f.name))));
  ns.setStr('__qualname__', newStr(cls.qualname));
  const made = typeNew(cls.type, cls.name, cls.bases, ns, null);
  // the methods made for `cls` look their class up by identity: move the fields dict over
  made.setAttr('__dataclass_fields__', cls.attrs.get('__dataclass_fields__')!);
  return made;
}

function toPlain(o: PyObject, dictLike: boolean): PyObject {
  const fields = fieldsOf(o.type);
  if (fields !== null && !(o instanceof PyType)) {
    if (dictLike) {
      const d = new PyDict();
      for (const f of fields) d.setStr(f.name, toPlain(getAttr(o, f.name), true));
      return d;
    }
    return newTuple(fields.map((f) => toPlain(getAttr(o, f.name), false)));
  }
  if (o instanceof PyList) return new PyList(o.items.map((v) => toPlain(v, dictLike)));
  if (o instanceof PyTuple && o.type.name === 'tuple') return newTuple(o.items.map((v) => toPlain(v, dictLike)));
  if (o instanceof PyDict && o.type.name === 'dict') {
    const d = new PyDict();
    for (const [k, v] of o.entries()) d.set(toPlain(k, dictLike), toPlain(v, dictLike));
    return d;
  }
  return o;
}

export function makeDataclasses(): PyModule {
  const m = new PyModule('dataclasses');
  const d = m.dict;
  defMethod(fieldType, '__repr__', (a) => {
    const f = a[0] as PyField;
    return newStr(`Field(name=${repr(newStr(f.name))},type=${repr(f.annotation)},default=${f.defaultValue === MISSING ? '<dataclasses._MISSING_TYPE object>' : repr(f.defaultValue)})`);
  });
  const fieldAttr = (name: string, get: (f: PyField) => PyObject) => defGetSet(fieldType, name, (o) => get(o as PyField));
  fieldAttr('name', (f) => newStr(f.name));
  fieldAttr('type', (f) => f.annotation);
  fieldAttr('default', (f) => f.defaultValue);
  fieldAttr('default_factory', (f) => f.defaultFactory);
  fieldAttr('init', (f) => pyBool(f.init));
  fieldAttr('repr', (f) => pyBool(f.repr));
  fieldAttr('compare', (f) => pyBool(f.compare));
  d.setStr('MISSING', MISSING);
  d.setStr('KW_ONLY', KW_ONLY);
  d.setStr('InitVar', initVarType);
  defMethod(initVarType, '__class_getitem__', (a) => new PyInitVar(a[1]!));
  initVarType.attrs.set('__class_getitem__', new PyClassMethod(initVarType.attrs.get('__class_getitem__')!));
  defMethod(initVarType, '__repr__', (a) => newStr(`dataclasses.InitVar[${(a[0] as PyInitVar).inner instanceof PyType ? ((a[0] as PyInitVar).inner as PyType).name : repr((a[0] as PyInitVar).inner)}]`));
  fieldAttr('hash', (f) => f.hash);
  fieldAttr('kw_only', (f) => f.kwOnly);
  fieldAttr('metadata', (f) => new PyMappingProxy(f.metadata instanceof PyDict ? f.metadata : new PyDict()));
  d.setStr('FrozenInstanceError', frozenInstanceErrorType);
  d.setStr(
    'field',
    builtinFunction('field', (a, kw) => {
      if (a.length) raise(typeErrorType, 'field() takes 0 positional arguments but ' + a.length + ' were given');
      const f = new PyField();
      if (kw) for (const [k, v] of kw) {
        if (k === 'default') f.defaultValue = v;
        else if (k === 'default_factory') f.defaultFactory = v;
        else if (k === 'init') f.init = isTrue(v);
        else if (k === 'repr') f.repr = isTrue(v);
        else if (k === 'compare') f.compare = isTrue(v);
        else if (k === 'hash') f.hash = v;
        else if (k === 'kw_only') f.kwOnly = isTrue(v) ? True : False;
        else if (k === 'metadata') f.metadata = v;
      }
      if (f.defaultValue !== MISSING && f.defaultFactory !== MISSING) raise(valueErrorType, 'cannot specify both default and default_factory');
      return f;
    }),
  );
  d.setStr(
    'dataclass',
    builtinFunction('dataclass', (a, kw) => {
      const opts = new Map<string, boolean>();
      if (kw) for (const [k, v] of kw) opts.set(k, isTrue(v));
      if (a[0] instanceof PyType) return processClass(a[0], opts);
      return builtinFunction('wrap', (b) => processClass(b[0] as PyType, opts));
    }),
  );
  d.setStr(
    'fields',
    builtinFunction('fields', (a) => {
      const o = a[0]!;
      const fs = fieldsOf(o instanceof PyType ? o : o.type);
      if (fs === null) raise(typeErrorType, 'must be called with a dataclass type or instance');
      return newTuple(fs);
    }),
  );
  d.setStr('asdict', builtinFunction('asdict', (a) => {
    if (fieldsOf(a[0]!.type) === null || a[0] instanceof PyType) raise(typeErrorType, 'asdict() should be called on dataclass instances');
    return toPlain(a[0]!, true);
  }));
  d.setStr('astuple', builtinFunction('astuple', (a) => {
    if (fieldsOf(a[0]!.type) === null || a[0] instanceof PyType) raise(typeErrorType, 'astuple() should be called on dataclass instances');
    return toPlain(a[0]!, false);
  }));
  d.setStr(
    'is_dataclass',
    builtinFunction('is_dataclass', (a) => pyBool(fieldsOf(a[0] instanceof PyType ? a[0] : a[0]!.type) !== null)),
  );
  d.setStr(
    'replace',
    builtinFunction('replace', (a, kw: Kwargs | null) => {
      const o = a[0]!;
      const fs = fieldsOf(o.type);
      if (fs === null) raise(typeErrorType, 'replace() should be called on dataclass instances');
      const changes = new Map(kw ?? []);
      for (const f of fs) if (f.init && !changes.has(f.name)) changes.set(f.name, getAttr(o, f.name));
      return callObject(o.type, [], changes);
    }),
  );
  void getAttrOpt;
  return m;
}
