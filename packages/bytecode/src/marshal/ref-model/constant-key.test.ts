// _PyCode_ConstantKey's equalities, as CPython's constant cache applies them (pyc-format.md §4.4):
// type-tagged (1, 1.0 and True differ), sign-aware for zeros, NaN equal to nothing but itself.
import { describe, expect, it } from 'vitest';
import { PyBool, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyInt, PyStr, PyTuple } from '../../values.js';
import { constantKey } from './constant-key.js';

const k = constantKey;

describe('constantKey', () => {
  it('keeps 1, 1.0, True and b"\\x01" apart', () => {
    const keys = [k(new PyInt(1n)), k(new PyFloat(1)), k(PyBool.True), k(new PyBytes(new Uint8Array([1]))), k(new PyStr('1'))];
    expect(new Set(keys).size).toBe(5);
  });
  it('keeps 0.0 / -0.0 and 0j / -0j apart, merges equal values', () => {
    expect(k(new PyFloat(0))).not.toBe(k(new PyFloat(-0)));
    expect(k(new PyComplex(0, 0))).not.toBe(k(new PyComplex(0, -0)));
    expect(k(new PyFloat(2.5))).toBe(k(new PyFloat(2.5)));
  });
  it('never merges two NaN objects, but a NaN is its own key', () => {
    const nan = new PyFloat(NaN);
    expect(k(nan)).toBe(k(nan));
    expect(k(nan)).not.toBe(k(new PyFloat(NaN)));
  });
  it('compares tuples item by item, without collisions through separators', () => {
    const t = (...items: string[]) => new PyTuple(items.map((s) => new PyStr(s)));
    expect(k(t('a', 'b'))).toBe(k(t('a', 'b')));
    expect(k(t('a,s1:b'))).not.toBe(k(t('a', 'b')));
    expect(k(new PyTuple([new PyInt(1n)]))).not.toBe(k(new PyTuple([PyBool.True])));
  });
  it('ignores frozenset element order', () => {
    const a = new PyFrozenSet([new PyStr('x'), new PyInt(3n)]);
    const b = new PyFrozenSet([new PyInt(3n), new PyStr('x')]);
    expect(k(a)).toBe(k(b));
  });
});
