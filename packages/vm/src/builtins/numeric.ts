// Numeric builtins: abs, divmod, pow, round, hex, oct, bin, chr, ord, sum, min, max.
// CPython counterpart: Python/bltinmodule.c (builtin_abs, builtin_divmod, builtin_pow,
// builtin_round, builtin_sum, min_max, builtin_chr, builtin_ord, builtin_hex/oct/bin).
import { withRecursionCheck } from '../eval/recursion.js';
import { raise } from '../errors.js';
import { None, NotImplemented, PyObject } from '../objects/object.js';
import { PyInt, intFromNumber, newInt, intType, boolType } from '../objects/int.js';
import { PyFloat, floatType } from '../objects/float.js';
import { PyStr, newStr } from '../objects/str.js';
import { builtinFunction, type Kwargs, type PyBuiltin } from '../objects/native.js';
import { overflowErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { PyBytes, PyByteArray } from '../objects/bytes.js';
import { asIndex, binaryOp, NB_ADD, NB_POWER } from '../protocols/number.js';
import { callObject, callSpecial } from '../protocols/call.js';
import { getIter, iterNext } from '../protocols/iter.js';
import { richCompareBool, CMP_GT, CMP_LT } from '../protocols/compare.js';
import { len } from '../protocols/sequence.js';

function dunderBinary(a: PyObject, b: PyObject, name: string, rname: string, label: string): PyObject {
  const m = a.type.lookup(name);
  if (m !== undefined) {
    const r = callSpecial(m, a, [b]);
    if (r !== NotImplemented) return r;
  }
  if (a.type !== b.type) {
    const rm = b.type.lookup(rname);
    if (rm !== undefined) {
      const r = callSpecial(rm, b, [a]);
      if (r !== NotImplemented) return r;
    }
  }
  raise(typeErrorType, `unsupported operand type(s) for ${label}: '${a.type.name}' and '${b.type.name}'`);
}

function oneArg(name: string, a: PyObject[], kw: Kwargs | null): PyObject {
  if (kw && kw.size) raise(typeErrorType, `${name}() takes no keyword arguments`);
  if (a.length !== 1) raise(typeErrorType, `${name}() takes exactly one argument (${a.length} given)`);
  return a[0]!;
}

function minMax(name: string, op: number, a: PyObject[], kw: Kwargs | null): PyObject {
  const key = kw?.get('key');
  const dflt = kw?.get('default');
  for (const k of kw?.keys() ?? []) {
    if (k !== 'key' && k !== 'default') raise(typeErrorType, `'${k}' is an invalid keyword argument for ${name}()`);
  }
  let items: PyObject | null = null;
  let list: PyObject[] | null = null;
  if (a.length === 0) raise(typeErrorType, `${name} expected at least 1 argument, got 0`);
  if (a.length === 1) items = a[0]!;
  else {
    if (dflt !== undefined) raise(typeErrorType, `Cannot specify a default for ${name}() with multiple positional arguments`);
    list = a;
  }
  const it = items !== null ? getIter(items) : null;
  let i = 0;
  const next = (): PyObject | null => (it !== null ? iterNext(it) : i < list!.length ? list![i++]! : null);
  let best: PyObject | null = null;
  let bestKey: PyObject | null = null;
  for (let v = next(); v !== null; v = next()) {
    const k = key !== undefined && key !== None ? callObject(key, [v], null) : v;
    if (best === null || richCompareBool(k, bestKey!, op)) {
      best = v;
      bestKey = k;
    }
  }
  if (best === null) {
    if (dflt !== undefined) return dflt;
    raise(valueErrorType, `${name}() arg is an empty sequence`);
  }
  return best;
}

function prefixed(v: bigint, radix: number, prefix: string): PyObject {
  return newStr(v < 0n ? `-${prefix}${(-v).toString(radix)}` : `${prefix}${v.toString(radix)}`);
}

export function numericBuiltins(): PyBuiltin[] {
  return [
    builtinFunction('abs', (a, kw) => {
      const x = oneArg('abs', a, kw);
      if (x instanceof PyInt && (x.type === intType || x.type === boolType)) return newInt(x.value < 0n ? -x.value : x.value);
      if (x instanceof PyFloat && x.type === floatType) return new PyFloat(Math.abs(x.value));
      const m = x.type.lookup('__abs__');
      if (m === undefined) raise(typeErrorType, `bad operand type for abs(): '${x.type.name}'`);
      return callSpecial(m, x, []);
    }),
    builtinFunction('divmod', (a) => {
      if (a.length !== 2) raise(typeErrorType, `divmod expected 2 arguments, got ${a.length}`);
      return dunderBinary(a[0]!, a[1]!, '__divmod__', '__rdivmod__', 'divmod()');
    }),
    builtinFunction('pow', (a, kw) => {
      const base = a[0] ?? kw?.get('base');
      const exp = a[1] ?? kw?.get('exp');
      const mod = a[2] ?? kw?.get('mod');
      if (base === undefined || exp === undefined) raise(typeErrorType, 'pow() missing required argument');
      if (mod === undefined || mod === None) return binaryOp(base, exp, NB_POWER);
      const m = base.type.lookup('__pow__');
      if (m === undefined) raise(typeErrorType, `unsupported operand type(s) for pow(): '${base.type.name}', '${exp.type.name}', '${mod.type.name}'`);
      const r = callSpecial(m, base, [exp, mod]);
      if (r === NotImplemented) raise(typeErrorType, `unsupported operand type(s) for pow(): '${base.type.name}', '${exp.type.name}', '${mod.type.name}'`);
      return r;
    }),
    builtinFunction('round', (a, kw) => {
      const x = a[0] ?? kw?.get('number');
      const nd = a[1] ?? kw?.get('ndigits');
      if (x === undefined) raise(typeErrorType, "round() missing required argument 'number' (pos 1)");
      const m = x.type.lookup('__round__');
      if (m === undefined) raise(typeErrorType, `type ${x.type.name} doesn't define __round__ method`);
      return callSpecial(m, x, nd === undefined || nd === None ? [] : [nd]);
    }),
    builtinFunction('hex', (a, kw) => prefixed(asIndex(oneArg('hex', a, kw)), 16, '0x')),
    builtinFunction('oct', (a, kw) => prefixed(asIndex(oneArg('oct', a, kw)), 8, '0o')),
    builtinFunction('bin', (a, kw) => prefixed(asIndex(oneArg('bin', a, kw)), 2, '0b')),
    builtinFunction('chr', (a, kw) => {
      const x = oneArg('chr', a, kw);
      if (x.type.name === 'float') raise(typeErrorType, `'${x.type.name}' object cannot be interpreted as an integer`);
      const v = asIndex(x);
      if (v < -0x80000000n || v > 0x7fffffffn) raise(overflowErrorType, 'Python int too large to convert to C int');
      if (v < 0n || v > 0x10ffffn) raise(valueErrorType, 'chr() arg not in range(0x110000)');
      return newStr(String.fromCodePoint(Number(v)));
    }),
    builtinFunction('ord', (a, kw) => {
      const x = oneArg('ord', a, kw);
      if (x instanceof PyBytes || x instanceof PyByteArray) {
        if (x.value.length !== 1) raise(typeErrorType, `ord() expected a character, but string of length ${x.value.length} found`);
        return intFromNumber(x.value[0]!);
      }
      if (!(x instanceof PyStr)) raise(typeErrorType, `ord() expected string of length 1, but ${x.type.name} found`);
      const n = x.length;
      if (n !== 1) raise(typeErrorType, `ord() expected a character, but string of length ${n} found`);
      return intFromNumber(x.value.codePointAt(0)!);
    }),
    builtinFunction('sum', (a, kw) => {
      if (a.length < 1) raise(typeErrorType, 'sum() takes at least 1 positional argument (0 given)');
      let acc = a[1] ?? kw?.get('start') ?? intFromNumber(0);
      if (acc instanceof PyStr) raise(typeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
      if (acc instanceof PyBytes) raise(typeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
      if (acc instanceof PyByteArray) raise(typeErrorType, "sum() can't sum bytearray [use b''.join(seq) instead]");
      const it = getIter(a[0]!);
      for (let v = iterNext(it); v !== null; v = iterNext(it)) acc = binaryOp(acc, v, NB_ADD);
      return acc;
    }),
    // METH_VARARGS functions: cfunction_call counts them against the recursion limit
    builtinFunction('min', (a, kw) => withRecursionCheck(' while calling a Python object', () => minMax('min', CMP_LT, a, kw))),
    builtinFunction('max', (a, kw) => withRecursionCheck(' while calling a Python object', () => minMax('max', CMP_GT, a, kw))),
    builtinFunction('len', (a, kw) => intFromNumber(len(oneArg('len', a, kw)))),
  ];
}
