// The writer's fast paths against the format itself (pyc-format.md §4): ASCII text written by the
// loop (short) or by TextEncoder (64+ characters) must both give z/a + length + the characters, and
// fall back to u + UTF-8 when a character is not ASCII; dumps' reused buffer must never show
// through a result.
import { describe, expect, it } from 'vitest';
import { PyStr, PyTuple, type PyValue } from '../values.js';
import { MarshalError } from './errors.js';
import { dumps } from './writer.js';

const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

describe('marshal writer: str', () => {
  it('writes ASCII text of every length as SHORT_ASCII or ASCII', () => {
    for (const n of [0, 1, 63, 64, 65, 200, 255, 256, 300, 5000]) {
      const text = Array.from({ length: n }, (_, i) => String.fromCharCode(0x20 + (i % 95))).join('');
      const want = n < 256 ? [0x7a, n, ...ascii(text)] : [0x61, ...le32(n), ...ascii(text)];
      expect([n, [...dumps(new PyStr(text))]]).toEqual([n, want]);
    }
  });
  it('falls back to UNICODE when a character is not ASCII, wherever it is', () => {
    for (const n of [10, 63, 64, 100, 300]) {
      for (const at of [0, n >> 1, n - 1]) {
        const text = 'a'.repeat(at) + 'é' + 'b'.repeat(n - at - 1);
        const utf8 = [...new TextEncoder().encode(text)];
        expect([n, at, [...dumps(new PyStr(text))]]).toEqual([n, at, [0x75, ...le32(utf8.length), ...utf8]]);
      }
    }
  });
  it('writes a lone surrogate in a long text as surrogatepass does', () => {
    const text = 'x'.repeat(70) + '\ud800';
    expect([...dumps(new PyStr(text))]).toEqual([0x75, ...le32(73), ...ascii('x'.repeat(70)), 0xed, 0xa0, 0x80]);
  });
});

describe('marshal writer: the buffer dumps reuses', () => {
  it('gives each result its own bytes', () => {
    const first = dumps(new PyStr('first'));
    const copy = [...first];
    dumps(new PyStr('x'.repeat(100_000)));
    expect([...first]).toEqual(copy);
  });
  it('writes correctly after a dump that failed half-way', () => {
    let deep: PyValue = new PyStr('leaf');
    for (let i = 0; i < 3000; i++) deep = new PyTuple([deep]);
    expect(() => dumps(deep)).toThrow(MarshalError);
    expect([...dumps(new PyStr('ok'))]).toEqual([0x7a, 2, ...ascii('ok')]);
  });
  it('puts a prefix before the value', () => {
    expect([...dumps(new PyStr('ab'), {}, Uint8Array.from([1, 2, 3]))]).toEqual([1, 2, 3, 0x7a, 2, ...ascii('ab')]);
  });
});
