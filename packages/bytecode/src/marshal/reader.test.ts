import { describe, expect, it } from 'vitest';
import { MarshalError } from './errors.js';
import { Kind } from '../values.js';
import { loads } from './reader.js';

const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

function errorOf(bytes: number[]): MarshalError {
  try {
    loads(Uint8Array.from(bytes));
  } catch (err) {
    if (err instanceof MarshalError) return err;
    throw err;
  }
  throw new Error('no error');
}

// Messages are Python/marshal.c's; the codes are ours.
describe('marshal reader on bad input', () => {
  it('reports an empty input as EOF', () => {
    expect(errorOf([]).code).toBe('truncated');
    expect(errorOf([]).message).toBe('EOF read where object expected');
  });
  it('rejects an unknown type code', () => {
    expect(errorOf([0x01]).message).toBe('bad marshal data (unknown type code)');
  });
  it('rejects a reference to an index never stored', () => {
    expect(errorOf([0x72, ...le32(0)]).message).toBe('bad marshal data (invalid reference)');
  });
  it('rejects a reference to a container still being read', () => {
    // a flagged tuple whose only item refers back to itself
    expect(errorOf([0xa9, 0x01, 0x72, ...le32(0)]).code).toBe('bad-ref');
  });
  it('fails fast on a length larger than the input, without allocating it', () => {
    const e = errorOf([0x73, ...le32(0x7fffffff), 1, 2, 3]);
    expect(e.code).toBe('truncated');
    expect(errorOf([0x28, ...le32(0x7fffffff)]).code).toBe('truncated');
    expect(errorOf([0x28, ...le32(-1)]).code).toBe('bad-length');
  });
  it('caps nesting depth', () => {
    expect(errorOf(new Array(5000).fill([0x29, 0x01]).flat()).code).toBe('too-deep');
  });
  it('rejects unnormalized and out-of-range long digits', () => {
    expect(errorOf([0x6c, ...le32(1), 0x00, 0x00]).message).toBe('bad marshal data (unnormalized long data)');
    expect(errorOf([0x6c, ...le32(1), 0x00, 0x80]).message).toBe('bad marshal data (digit out of range in long)');
  });
  it('reads a negative long from its 15-bit digits', () => {
    const v = loads(Uint8Array.from([0x6c, ...le32(-2), 0x01, 0x00, 0x01, 0x00]));
    expect(v.kind === Kind.Int && v.value).toBe(-(1n + (1n << 15n)));
  });
  it('reads an ASCII-typed string with high bytes as Latin-1, as CPython does', () => {
    const bytes = [0x61, ...le32(40), ...new Array(39).fill(0x41), 0x80];
    const v = loads(Uint8Array.from(bytes));
    expect(v.kind === Kind.Str && v.value.charCodeAt(39)).toBe(0x80);
  });
  it('keeps a NaN payload bit for bit', () => {
    const bits = [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0xff];
    const v = loads(Uint8Array.from([0x67, ...bits]));
    expect(v.kind === Kind.Float && Array.from(v.bits ?? [])).toEqual(bits);
  });
});

describe('marshal reader input ownership', () => {
  const bytesObject = [0x73, 4, 0, 0, 0, 1, 2, 3, 4];
  it('copies the input by default: later changes to it do not reach the values', () => {
    const input = Uint8Array.from(bytesObject);
    const v = loads(input);
    input[5] = 99;
    expect(v.kind === Kind.Bytes && Array.from(v.value)).toEqual([1, 2, 3, 4]);
  });
  it('with aliasInput, bytes objects view the input itself', () => {
    const input = Uint8Array.from(bytesObject);
    const v = loads(input, { aliasInput: true });
    input[5] = 99;
    expect(v.kind === Kind.Bytes && Array.from(v.value)).toEqual([99, 2, 3, 4]);
  });
});
