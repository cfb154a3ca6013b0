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
  /** a Flag's composite members by value */
  pseudo: Map<bigint, PyObject>;
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
  const n = (m.dict as PyDict).getStr('_name_');
  return n instanceof PyStr ? n.value : 'None';
}
function memberValue(m: PyObject): PyObject {
  return (m.dict as PyDict).getStr('_value_')!;
}

function isDescriptorLike(v: PyObject): boolean {
  return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyProperty || v instanceof PyClassMethod || v instanceof PyStaticMethod || v instanceof PyType;
}

/** enum.Flag, once made: its subclasses' members combine by bits. */
let flagType: PyType | null = null;

/** The members iteration yields: all for an Enum; a Flag's single-bit ones (3.11). */
function canonical(cls: PyType): PyObject[] {
  const members = dataOf(cls)?.byValue ?? [];
  if (flagType === null || !cls.isSubtype(flagType)) return members;
  return members.filter((m) => {
    const v = flagBits(m);
    return v > 0n && (v & (v - 1n)) === 0n;
  });
}

function flagBits(m: PyObject): bigint {
  const v = memberValue(m);
  return v instanceof PyInt ? v.value : 0n;
}

function flagMask(cls: PyType): bigint {
  return canonical(cls).reduce((acc, m) => acc | flagBits(m), 0n);
}

/** Flag._missing_: the composite member for `v`, made once (names in definition order). */
function flagPseudoMember(cls: PyType, data: EnumData, v: bigint): PyObject {
  const mask = flagMask(cls);
  const isInt = isIntEnum(cls);
  if (v < 0n) v = mask + 1n + v;
  if (v < 0n || (!isInt && (v & ~mask) !== 0n)) raise(valueErrorType, `${v} is not a valid ${cls.qualname}`);
  const cached = data.pseudo.get(v);
  if (cached !== undefined) return cached;
  const names = canonical(cls).filter((m) => (flagBits(m) & v) !== 0n).map(memberName);
  const extra = v & ~mask;
  if (extra !== 0n) names.push(`0x${extra.toString(16)}`);
  const member = isInt ? new PyInt(v, cls) : new PyObject(cls);
  member.dict = new PyDict();
  (member.dict as PyDict).setStr('_name_', v === 0n ? None : newStr(names.join('|')));
  (member.dict as PyDict).setStr('_value_', newInt(v));
  data.pseudo.set(v, member);
  return member;
}

function isIntEnum(cls: PyType): boolean {
  return cls.isSubtype(intType);
}

/** The _EnumDict's bookkeeping for auto(): the class's bases, members so far and their values. */
const enumDictState = new WeakMap<PyDict, { bases: PyType[]; count: number; lastValues: PyObject[] }>();

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
  const data: EnumData = { names: [], members: new Map(), byValue: [], pseudo: new Map() };
  enumData.set(cls, data);
  const lastValues: PyObject[] = [];
  let count = 0;
  for (const [key, raw] of candidates) {
    let value = raw;
    if (raw.type === autoType) {
      // _EnumDict: _generate_next_value_(name, 1, count so far, the values so far)
      const gen = cls.lookup('_generate_next_value_');
      if (gen !== undefined) {
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
    let value = a[2]!;
    const old = d.get(key);
    if (old !== undefined && key instanceof PyStr && !key.value.startsWith('_') && !isDescriptorLike(old)) {
      raise(typeErrorType, `${repr(key)} already defined as ${repr(old)}`);
    }
    const st = enumDictState.get(d);
    const name = key instanceof PyStr ? key.value : '';
    const dunderOrSunder = name.startsWith('_') && name.endsWith('_');
    if (st && key instanceof PyStr && !dunderOrSunder && !isDescriptorLike(value)) {
      // a member: auto() gets its value now, so that later lines of the body see it (RED | GREEN)
      if (value.type === autoType) {
        const own = d.getStr('_generate_next_value_');
        const gen = own ?? st.bases.map((b) => b.lookup('_generate_next_value_')).find((g) => g !== undefined);
        const args = [newStr(name), newInt(1n), newInt(BigInt(st.count)), new PyList(st.lastValues.slice())];
        value = gen === undefined ? nextValue(st.lastValues) : callObject(gen instanceof PyStaticMethod ? gen.func : gen, args, null);
      }
      st.count++;
      st.lastValues.push(value);
    }
    d.set(key, value);
    return None;
  });
  meta.setAttr(
    '__prepare__',
    new PyClassMethod(
      new PyBuiltin('__prepare__', (a) => {
        const d = new PyDict(enumDictType);
        enumDictState.set(d, { bases: a[2] === undefined ? [] : (toArray(a[2]) as PyType[]), count: 0, lastValues: [] });
        return d;
      }),
    ),
  );
  defMethod(meta, '__call__', (a) => {
    const cls = a[0] as PyType;
    const data = dataOf(cls);
    if (data === undefined) raise(typeErrorType, `${cls.name}() takes no arguments`);
    const value = a[1]!;
    if (value.type === cls) return value;
    for (const mem of data.byValue) if (pyEq(memberValue(mem), value)) return mem;
    if (flagType !== null && cls.isSubtype(flagType) && value instanceof PyInt) return flagPseudoMember(cls, data, value.value);
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
    const items = canonical(a[0] as PyType);
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < items.length ? items[i++]! : null));
  });
  defMethod(meta, '__reversed__', (a) => {
    const items = (dataOf(a[0] as PyType)?.byValue ?? []).slice().reverse();
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < items.length ? items[i++]! : null));
  });
  defMethod(meta, '__len__', (a) => newInt(BigInt(canonical(a[0] as PyType).length)));
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

  const fns = new PyDict();
  fns.setStr('__module__', newStr('enum'));
  fns.setStr('__qualname__', newStr('Flag'));
  const Flag = enumNew(meta, 'Flag', [Enum], fns, null);
  flagType = Flag;
  // Flag._generate_next_value_: the next power of two above the greatest value so far
  Flag.setAttr(
    '_generate_next_value_',
    new PyStaticMethod(
      builtinFunction('_generate_next_value_', (a) => {
        const last = toArray(a[3]!).filter((v): v is PyInt => v instanceof PyInt);
        if (last.length === 0) return newInt(1n);
        const high = last.reduce((x, y) => (y.value > x ? y.value : x), 0n);
        return newInt(1n << BigInt(high.toString(2).length));
      }),
    ),
  );
  const flagName = (o: PyObject) => (o.dict as PyDict).getStr('_name_');
  defMethod(Flag, '__repr__', (a) => {
    const n = flagName(a[0]!);
    const v = repr(memberValue(a[0]!));
    return newStr(n instanceof PyStr ? `<${a[0]!.type.name}.${n.value}: ${v}>` : `<${a[0]!.type.name}: ${v}>`);
  });
  defMethod(Flag, '__str__', (a) => {
    const n = flagName(a[0]!);
    return newStr(n instanceof PyStr ? `${a[0]!.type.name}.${n.value}` : `${a[0]!.type.name}(${repr(memberValue(a[0]!))})`);
  });
  defGetSet(Flag, 'name', (o) => flagName(o) ?? None);
  defMethod(Flag, '__hash__', (a) => new PyInt(flagBits(a[0]!)));
  defMethod(Flag, '__bool__', (a) => pyBool(flagBits(a[0]!) !== 0n));
  defMethod(Flag, '__len__', (a) => newInt(BigInt(flagBits(a[0]!).toString(2).replace(/0/g, '').length)));
  defMethod(Flag, '__iter__', (a) => {
    const v = flagBits(a[0]!);
    const items = canonical(a[0]!.type).filter((m) => (flagBits(m) & v) !== 0n);
    let i = 0;
    return new PyNativeIter(seqIteratorType, () => (i < items.length ? items[i++]! : null));
  });
  defMethod(Flag, '__contains__', (a) => {
    const other = a[1]!;
    if (!other.type.isSubtype(a[0]!.type)) {
      raise(typeErrorType, `unsupported operand type(s) for 'in': '${other.type.name}' and '${a[0]!.type.name}'`);
    }
    const o = flagBits(other);
    return pyBool((o & flagBits(a[0]!)) === o);
  });
  const flagOperand = (self: PyObject, other: PyObject): bigint | null => {
    if (other.type.isSubtype(self.type)) return flagBits(other);
    if (isIntEnum(self.type) && other instanceof PyInt) return other.value;
    return null;
  };
  for (const [name, op] of [['or', (x: bigint, y: bigint) => x | y], ['and', (x: bigint, y: bigint) => x & y], ['xor', (x: bigint, y: bigint) => x ^ y]] as const) {
    const impl = (a: PyObject[]) => {
      const y = flagOperand(a[0]!, a[1]!);
      if (y === null) return NotImplemented;
      return callObject(a[0]!.type, [newInt(op(flagBits(a[0]!), y))], null);
    };
    defMethod(Flag, `__${name}__`, impl);
    defMethod(Flag, `__r${name}__`, impl);
  }
  defMethod(Flag, '__invert__', (a) => callObject(a[0]!.type, [newInt(flagMask(a[0]!.type) & ~flagBits(a[0]!))], null));

  const ifns = new PyDict();
  ifns.setStr('__module__', newStr('enum'));
  ifns.setStr('__qualname__', newStr('IntFlag'));
  const IntFlag = enumNew(meta, 'IntFlag', [intType, Flag], ifns, null);
  // IntFlag's own operators come ahead of int's (enum.py defines them on IntFlag)
  for (const name of ['__repr__', '__or__', '__ror__', '__and__', '__rand__', '__xor__', '__rxor__', '__invert__', '__contains__', '__iter__', '__len__']) {
    IntFlag.setAttr(name, Flag.attrs.get(name)!);
  }
  defMethod(IntFlag, '__str__', (a) => newStr((a[0] as PyInt).value.toString()));
  defMethod(IntFlag, '__format__', (a) => newStr(format(newInt((a[0] as PyInt).value), (a[1] as PyStr).value)));
  m.dict.setStr('Flag', Flag);
  m.dict.setStr('IntFlag', IntFlag);

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
