// enum, natively: Enum and IntEnum through the EnumType metaclass (members, aliases, auto(),
// lookup by value and by name, iteration, __members__, unique), with 3.11's reprs and texts.
// CPython counterpart: Lib/enum.py (3.11).
import { raise, PyError, newException } from '../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType, TPFLAGS_BASETYPE, TPFLAGS_HEAPTYPE, typeType } from '../objects/object.js';
import { PyInt, intType, newInt, pyBool } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyList } from '../objects/list.js';
import { PyDict, dictType } from '../objects/dict.js';
import { PyFunction } from '../objects/function.js';
import { PyModule } from '../objects/module.js';
import { PyBuiltin, builtinFunction, defMethod } from '../objects/native.js';
import { PyClassMethod, PyProperty, PyStaticMethod, defGetSet } from '../objects/descr.js';
import { PyNativeIter, seqIteratorType } from '../objects/iterators.js';
import { attributeErrorType, keyErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';
import { getAttr, typeSetAttr } from '../protocols/getattr.js';
import { typeNew } from '../objects/type.js';
import { repr, str } from '../protocols/repr.js';
import { format } from '../protocols/format.js';
import { strHash } from '../protocols/hash.js';
import { pyEq } from '../protocols/compare.js';
import { toArray } from '../protocols/iter.js';
import { binaryOp, NB_ADD } from '../protocols/number.js';
import { sortItems } from '../objects/list-methods.js';

export const enumTypeType = builtinType('EnumType', typeType, TPFLAGS_BASETYPE);
enumTypeType.module = 'enum';
enumTypeType.solid = typeType;
const autoType = builtinType('auto', undefined, 0);
autoType.module = 'enum';

interface EnumData {
  names: string[];
  members: Map<string, PyObject>;
  byValue: PyObject[];
}
const enumData = new WeakMap<PyType, EnumData>();

function dataOf(cls: PyType): EnumData | undefined {
  for (const t of cls.mro) {
    const d = enumData.get(t);
    if (d) return t === cls ? d : undefined;
  }
  return undefined;
}

function memberName(m: PyObject): string {
  return ((m.dict as PyDict).getStr('_name_') as PyStr).value;
}
function memberValue(m: PyObject): PyObject {
  return (m.dict as PyDict).getStr('_value_')!;
}

function isDescriptorLike(v: PyObject): boolean {
  return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyProperty || v instanceof PyClassMethod || v instanceof PyStaticMethod || v instanceof PyType;
}

function isIntEnum(cls: PyType): boolean {
  return cls.isSubtype(intType);
}

/** Enum._generate_next_value_ (3.11): one more than the greatest value so far, or 1. */
function nextValue(lastValues: PyObject[]): PyObject {
  if (lastValues.length === 0) return newInt(1n);
  const sorted = lastValues.slice();
  try {
    sortItems(sorted, null, false);
  } catch (e) {
    if (e instanceof PyError && e.exc.type.isSubtype(typeErrorType)) raise(typeErrorType, 'unable to sort non-numeric values');
    throw e;
  }
  const last = sorted[sorted.length - 1]!;
  try {
    return binaryOp(last, newInt(1n), NB_ADD);
  } catch (e) {
    if (e instanceof PyError && e.exc.type.isSubtype(typeErrorType)) raise(typeErrorType, `unable to increment ${repr(last)}`);
    throw e;
  }
}

function enumNew(meta: PyType, name: string, bases: PyType[], ns: PyDict, kw: Map<string, PyObject> | null): PyType {
  const plain = new PyDict();
  const candidates: [string, PyObject][] = [];
  for (const [k, v] of ns.entries()) {
    const key = (k as PyStr).value;
    const dunder = key.startsWith('__') && key.endsWith('__');
    const sunder = key.startsWith('_') && key.endsWith('_') && !dunder;
    if (dunder || sunder || isDescriptorLike(v)) plain.set(k, v);
    else candidates.push([key, v]);
  }
  const cls = typeNew(meta, name, bases, plain, kw);
  for (const b of bases) {
    const bd = enumData.get(b);
    if (bd && bd.byValue.length > 0) raise(typeErrorType, `<enum '${name}'> cannot extend <enum '${b.name}'>`);
  }
  const data: EnumData = { names: [], members: new Map(), byValue: [] };
  enumData.set(cls, data);
  const lastValues: PyObject[] = [];
  let count = 0;
  for (const [key, raw] of candidates) {
    let value = raw;
    if (raw.type === autoType) {
      // _EnumDict: _generate_next_value_(name, 1, count so far, the values so far)
      const gen = cls.lookup('_generate_next_value_');
      if (gen !== undefined && !(gen instanceof PyBuiltin)) {
        value = callObject(gen, [newStr(key), newInt(1n), newInt(BigInt(count)), new PyList(lastValues.slice())], null);
      } else value = nextValue(lastValues);
    }
    lastValues.push(value);
    count++;
    const alias = data.byValue.find((m) => pyEq(memberValue(m), value));
    if (alias !== undefined) {
      data.members.set(key, alias);
      cls.setAttr(key, alias);
      continue;
    }
    let member: PyObject;
    if (isIntEnum(cls)) {
      const v = value instanceof PyTuple ? value.items[0]! : value;
      if (!(v instanceof PyInt)) raise(typeErrorType, `invalid literal for int() with base 10: ${repr(v)}`);
      member = new PyInt(v.value, cls);
    } else {
      member = new PyObject(cls);
    }
    member.dict = new PyDict();
    (member.dict as PyDict).setStr('_name_', newStr(key));
    (member.dict as PyDict).setStr('_value_', value);
    // a member's __init__ gets the value's items (enum.py's _proto_member)
    const init = cls.lookup('__init__');
    if (init instanceof PyFunction) callObject(init, [member, ...(value instanceof PyTuple ? value.items : [value])], null);
    data.names.push(key);
    data.members.set(key, member);
    data.byValue.push(member);
    cls.setAttr(key, member);
  }
  return cls;
}

export function makeEnum(): PyModule {
  const m = new PyModule('enum');
  const meta = enumTypeType;
  defMethod(meta, '__new__', (a, kw) => enumNew(a[0] as PyType, (a[1] as PyStr).value, toArray(a[2]!) as PyType[], a[3] as PyDict, kw));
  // __prepare__: an _EnumDict refusing a member name defined twice (enum._EnumDict.__setitem__)
  const enumDictType = new PyType(typeType, '_EnumDict', [dictType], TPFLAGS_BASETYPE);
  enumDictType.solid = dictType;
  enumDictType.module = 'enum';
  defMethod(enumDictType, '__setitem__', (a) => {
    const d = a[0] as PyDict;
    const key = a[1]!;
    const old = d.get(key);
    if (old !== undefined && key instanceof PyStr && !key.value.startsWith('_') && !isDescriptorLike(old)) {
      raise(typeErrorType, `${repr(key)} already defined as ${repr(old)}`);
    }
    d.set(key, a[2]!);
    return None;
  });
  meta.setAttr('__prepare__', new PyClassMethod(new PyBuiltin('__prepare__', () => new PyDict(enumDictType))));
  defMethod(meta, '__call__', (a) => {
    const cls = a[0] as PyType;
    const data = dataOf(cls);
    if (data === undefined) raise(typeErrorType, `${cls.name}() takes no arguments`);
    const value = a[1]!;
    if (value.type === cls) return value;
    for (const mem of data.byValue) if (pyEq(memberValue(mem), value)) return mem;
    // _missing_ may supply a member
    const missing = cls.lookup('_missing_');
    if (missing !== undefined && !(missing instanceof PyBuiltin)) {
      const r = callObject(getAttr(cls, '_missing_'), [value], null);
      if (r.type.isSubtype(cls)) return r;
      if (r !== None) raise(typeErrorType, `error in ${cls.qualname}._missing_: returned ${repr(r)} instead of None or a valid member`);
    }
    raise(valueErrorType, `${repr(value)} is not a valid ${cls.qualname}`);
  });
  defMethod(meta, '__getitem__', (a) => {
    const data = dataOf(a[0] as PyType);
    const key = a[1]!;
    const mem = key instanceof PyStr ? data?.members.get(key.value) : undefined;
    if (mem === undefined) {
      const e = newException(keyErrorType, null);
      (e as unknown as { args: PyObject[] }).args = [key];
      throw new PyError(e);
    }
    return mem;
  });
  defMethod(meta, '__iter__', (a) => {
    const items = dataOf(a[0] as PyType)?.byValue ?? [];
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < items.length ? items[i++]! : null));
  });
  defMethod(meta, '__reversed__', (a) => {
    const items = (dataOf(a[0] as PyType)?.byValue ?? []).slice().reverse();
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < items.length ? items[i++]! : null));
  });
  defMethod(meta, '__len__', (a) => newInt(BigInt(dataOf(a[0] as PyType)?.byValue.length ?? 0)));
  defMethod(meta, '__contains__', (a) => {
    const cls = a[0] as PyType;
    const v = a[1]!;
    if (!v.type.isSubtype(cls)) {
      raise(typeErrorType, `unsupported operand type(s) for 'in': '${v.type.name}' and '${cls.type.name}'`);
    }
    return pyBool(true);
  });
  // EnumType.__setattr__/__delattr__: members cannot be rebound or deleted
  defMethod(meta, '__setattr__', (a) => {
    const cls = a[0] as PyType;
    const name = (a[1] as PyStr).value;
    if (dataOf(cls)?.members.has(name)) raise(attributeErrorType, `cannot reassign member '${name}'`);
    typeSetAttr(cls, name, a[2]!);
    return None;
  });
  defMethod(meta, '__delattr__', (a) => {
    const cls = a[0] as PyType;
    const name = (a[1] as PyStr).value;
    if (dataOf(cls)?.members.has(name)) raise(attributeErrorType, `${cls.name} cannot delete member '${name}'.`);
    typeSetAttr(cls, name, null);
    return None;
  });
  defMethod(meta, '__repr__', (a) => newStr(`<enum '${(a[0] as PyType).name}'>`));
  defMethod(meta, '__bool__', () => pyBool(true));
  defGetSet(meta, '__members__', (o) => {
    const d = new PyDict();
    for (const [k, v] of dataOf(o as PyType)?.members ?? []) d.setStr(k, v);
    return d;
  });

  const ns = new PyDict();
  ns.setStr('__module__', newStr('enum'));
  ns.setStr('__qualname__', newStr('Enum'));
  const Enum = enumNew(meta, 'Enum', [], ns, null);
  defMethod(Enum, '__repr__', (a) => newStr(`<${a[0]!.type.name}.${memberName(a[0]!)}: ${repr(memberValue(a[0]!))}>`));
  defMethod(Enum, '__str__', (a) => newStr(`${a[0]!.type.name}.${memberName(a[0]!)}`));
  defMethod(Enum, '__format__', (a) => newStr(format(newStr(str(a[0]!)), (a[1] as PyStr).value)));
  defMethod(Enum, '__hash__', (a) => new PyInt(strHash(newStr(memberName(a[0]!)))));
  defMethod(Enum, '__reduce_ex__', (a) => newTuple([a[0]!.type, newTuple([memberValue(a[0]!)])]));
  const readonly = (attr: string) => (): void => raise(attributeErrorType, `<enum 'Enum'> cannot set attribute '${attr}'`);
  defGetSet(Enum, 'name', (o) => newStr(memberName(o)), readonly('name'));
  defGetSet(Enum, 'value', (o) => memberValue(o), readonly('value'));
  Enum.flags |= TPFLAGS_HEAPTYPE;

  const ins = new PyDict();
  ins.setStr('__module__', newStr('enum'));
  ins.setStr('__qualname__', newStr('IntEnum'));
  const IntEnum = enumNew(meta, 'IntEnum', [intType, Enum], ins, null);
  // EnumType puts Enum's __repr__ ahead of the data type's (int.__repr__), as enum.py does
  IntEnum.setAttr('__repr__', Enum.attrs.get('__repr__')!);
  defMethod(IntEnum, '__str__', (a) => newStr((a[0] as PyInt).value.toString()));
  defMethod(IntEnum, '__format__', (a) => newStr(format(newInt((a[0] as PyInt).value), (a[1] as PyStr).value)));
  defMethod(IntEnum, '__hash__', (a) => new PyInt((a[0] as PyInt).value));

  m.dict.setStr('EnumType', meta);
  m.dict.setStr('EnumMeta', meta);
  m.dict.setStr('Enum', Enum);
  m.dict.setStr('IntEnum', IntEnum);
  m.dict.setStr('auto', builtinFunction('auto', () => new PyObject(autoType)));
  m.dict.setStr(
    'unique',
    builtinFunction('unique', (a) => {
      const cls = a[0] as PyType;
      const data = dataOf(cls);
      const dups: string[] = [];
      for (const [k, v] of data?.members ?? []) if (memberName(v) !== k) dups.push(`${k} -> ${memberName(v)}`);
      if (dups.length) raise(valueErrorType, `duplicate values found in <enum '${cls.name}'>: ${dups.join(', ')}`);
      return cls;
    }),
  );
  void None;
  void PyList;
  return m;
}
