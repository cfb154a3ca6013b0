// ConstantIds must draw exactly constantKey's equalities: two values get one id when, and only
// when, their keys are equal — checked pairwise over values chosen to tempt collisions.
import { describe, expect, it } from 'vitest';
import { None, PyBool, PyBytes, PyComplex, PyFloat, PyFrozenSet, PyInt, PyStr, PyTuple, type PyValue } from '../../values.js';
import { ConstantIds } from './constant-ids.js';
import { constantKey } from './constant-key.js';

const s = (v: string) => new PyStr(v);
const nan = new PyFloat(NaN);
const values: PyValue[] = [
  None, PyBool.True, PyBool.False, new PyInt(0n), new PyInt(1n), new PyInt(1n), new PyFloat(0), new PyFloat(-0), new PyFloat(0),
  nan, nan, new PyFloat(NaN), new PyComplex(0, 0), new PyComplex(0, -0),
  s(''), s('0'), s('f0'), s('a'), s('a'), s('<t0,'), s('i0'), new PyStr('é', false, false, new Uint8Array([0xc3, 0xa9])), s('é'),
  new PyBytes(new Uint8Array([])), new PyBytes(new Uint8Array([0])), new PyBytes(new Uint8Array([0])), new PyBytes(new Uint8Array([0, 0])),
  new PyTuple([]), new PyTuple([]), new PyTuple([new PyInt(0n)]), new PyTuple([new PyFloat(0)]), new PyTuple([s('a'), s('b')]),
  new PyTuple([s('a'), s('b')]), new PyTuple([s('a,b')]), new PyTuple([new PyTuple([new PyInt(0n)])]),
  new PyFrozenSet([new PyInt(0n)]), new PyFrozenSet([new PyFloat(0)]), new PyFrozenSet([s('x'), new PyInt(3n)]),
  new PyFrozenSet([new PyInt(3n), s('x')]), new PyFrozenSet([]),
];

describe('ConstantIds', () => {
  it('gives equal ids exactly to values with equal constantKeys', () => {
    const ids = new ConstantIds();
    const id = values.map((v) => ids.of(v));
    const key = values.map(constantKey);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        expect([i, j, id[i] === id[j]]).toEqual([i, j, key[i] === key[j]]);
      }
    }
  });
  it('keeps the float 0.0 apart from frozenset({0}) and a str tuple apart from a str', () => {
    const ids = new ConstantIds();
    // the int 0 gets id 0 first, so the frozenset's key spells the float's constantKey
    const frozen = ids.of(new PyFrozenSet([new PyInt(0n)]));
    expect(ids.of(new PyFloat(0))).not.toBe(frozen);
    expect(ids.of(new PyTuple([s('a')]))).not.toBe(ids.of(s('a')));
  });
});
