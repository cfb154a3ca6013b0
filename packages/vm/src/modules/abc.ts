// abc: ABC, ABCMeta and abstractmethod — classes with abstract methods cannot be instantiated.
// CPython counterpart: Lib/abc.py, Modules/_abc.c, Objects/typeobject.c (object_new's check).
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject, PyType, TPFLAGS_BASETYPE, builtinType, typeType } from '../objects/object.js';
import { True, False, pyBool } from '../objects/int.js';
import { isSubclass } from '../builtins/introspection.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyDict } from '../objects/dict.js';
import { newFrozenSet, PySet } from '../objects/set.js';
import { PyFunction } from '../objects/function.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { PyClassMethod, PyProperty, PyStaticMethod } from '../objects/descr.js';
import { runtimeErrorType, typeErrorType } from '../objects/exception-types.js';
import { directSubclasses, typeNew } from '../objects/type.js';
import { callObject, typeCallDefault } from '../protocols/call.js';
import { getAttrOpt, setAttr } from '../protocols/getattr.js';
import { isTrue } from '../protocols/truth.js';
import { toArray } from '../protocols/iter.js';

export const abcMetaType = builtinType('ABCMeta', typeType, TPFLAGS_BASETYPE);
abcMetaType.module = 'abc';
abcMetaType.solid = typeType;

function isAbstract(v: PyObject): boolean {
  let f: PyObject | undefined = v;
  if (v instanceof PyClassMethod || v instanceof PyStaticMethod) f = v.func;
  if (v instanceof PyProperty) f = v.fget ?? undefined;
  if (f === undefined || f === null) return false;
  const flag = getAttrOpt(f, '__isabstractmethod__');
  return flag !== undefined && isTrue(flag);
}

/** The sorted names of `cls`'s abstract methods (ABCMeta.__new__'s __abstractmethods__). */
function abstractNames(cls: PyType): string[] {
  const names = new Set<string>();
  for (const [k, v] of cls.attrs) if (isAbstract(v)) names.add(k);
  for (const base of cls.bases) {
    const inherited = base.lookup('__abstractmethods__');
    if (inherited instanceof PySet) {
      for (const n of inherited.items()) {
        const name = (n as PyStr).value;
        const v = cls.lookup(name);
        if (v !== undefined && isAbstract(v)) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/** ABCMeta.register's virtual subclasses, per ABC. */
const registries = new WeakMap<PyType, PyType[]>();

/** _abc_subclasscheck: __subclasshook__, then the MRO, the registry, and the subclasses (without caches). */
function abcSubclassCheck(cls: PyType, sub: PyType): boolean {
  const hook = getAttrOpt(cls, '__subclasshook__');
  if (hook !== undefined) {
    const ok = callObject(hook, [sub], null);
    if (ok !== NotImplemented) return isTrue(ok);
  }
  if (sub.mro.includes(cls)) return true;
  for (const r of registries.get(cls) ?? []) if (isSubclass(sub, r)) return true;
  for (const s of directSubclasses(cls)) if (isSubclass(sub, s)) return true;
  return false;
}

export function makeAbc(): PyModule {
  const m = new PyModule('abc');
  const meta = abcMetaType;
  defMethod(meta, '__new__', (a, kw) => {
    const cls = typeNew(a[0] as PyType, (a[1] as PyStr).value, toArray(a[2]!) as PyType[], a[3] as PyDict, kw);
    cls.setAttr('__abstractmethods__', newFrozenSet(abstractNames(cls).map(newStr)));
    return cls;
  });
  defMethod(meta, '__call__', (a, kw) => {
    const cls = a[0] as PyType;
    const abstract = cls.lookup('__abstractmethods__');
    if (abstract instanceof PySet && abstract.size > 0) {
      const names = abstract.items().map((n) => (n as PyStr).value).sort();
      // object_new's text in 3.11
      raise(typeErrorType, `Can't instantiate abstract class ${cls.name} with abstract method${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
    }
    return typeCallDefault(cls, a.slice(1), kw);
  });
  defMethod(meta, 'register', (a) => {
    const cls = a[0] as PyType;
    const sub = a[1]!;
    if (!(sub instanceof PyType)) raise(typeErrorType, 'Can only register classes');
    if (abcSubclassCheck(cls, sub)) return sub;
    if (abcSubclassCheck(sub, cls)) raise(runtimeErrorType, 'Refusing to create an inheritance cycle');
    let reg = registries.get(cls);
    if (reg === undefined) registries.set(cls, (reg = []));
    reg.push(sub);
    return sub;
  });
  defMethod(meta, '__subclasscheck__', (a) => {
    if (!(a[1] instanceof PyType)) raise(typeErrorType, 'issubclass() arg 1 must be a class');
    return pyBool(abcSubclassCheck(a[0] as PyType, a[1]));
  });
  defMethod(meta, '__instancecheck__', (a) => {
    // _abc_instancecheck: the instance's __class__ and its type may differ
    const cls = a[0] as PyType;
    const inst = a[1]!;
    const klass = getAttrOpt(inst, '__class__');
    const subclass = klass instanceof PyType ? klass : inst.type;
    if (subclass === inst.type) return pyBool(abcSubclassCheck(cls, subclass));
    return pyBool(abcSubclassCheck(cls, subclass) || abcSubclassCheck(cls, inst.type));
  });
  const abc = typeNew(meta, 'ABC', [], (() => {
    const ns = new PyDict();
    ns.setStr('__module__', newStr('abc'));
    ns.setStr('__qualname__', newStr('ABC'));
    return ns;
  })(), null);
  m.dict.setStr('ABCMeta', meta);
  m.dict.setStr('ABC', abc);
  m.dict.setStr(
    'abstractmethod',
    builtinFunction('abstractmethod', (a) => {
      const f = a[0]!;
      if (f instanceof PyFunction || getAttrOpt(f, '__dict__') instanceof PyDict) setAttr(f, '__isabstractmethod__', True);
      return f;
    }),
  );
  void None;
  void False;
  void callObject;
  return m;
}
