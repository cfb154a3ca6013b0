import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sample, stdlibFiles } from '../../../../tools/corpus.js';
import { oracle, runPython } from '../../../../tools/oracles.js';
import { targetForVersion } from '../target.js';
import { siphash } from './siphash.js';
import { sourceHash } from './source-hash.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../../../tools/oracle/source_hash.py');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Deterministic pseudo-random bytes (xorshift32), so a failure is reproducible. */
function randomInputs(count: number, seed: number): Uint8Array[] {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>>= 0);
  };
  const out: Uint8Array[] = [new Uint8Array(0)];
  for (let i = 1; i < count; i++) {
    const len = i <= 300 ? i : next() % 5000; // every length 0-300, then longer ones
    out.push(Uint8Array.from({ length: len }, () => next() & 0xff));
  }
  return out;
}

describe('sourceHash agrees with importlib.util.source_hash', () => {
  for (const version of ['3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'] as const) {
    it.skipIf(!oracle(version))(
      `${version}: 1,000 random inputs and 200 real files`,
      () => {
        const target = targetForVersion(version)!;
        const randoms = randomInputs(1000, 0x5eed + Number(version.slice(2)));
        const files = sample(stdlibFiles('3.11'), 200);
        const input = [...randoms.map((b) => `hex:${hex(b)}`), ...files.map((f) => `file:${f}`)].join('\n') + '\n';
        const expected = runPython(version, [SCRIPT], { input }).stdout.trim().split('\n');
        const ours = [...randoms, ...files.map((f) => readFileSync(f))].map((b) => hex(sourceHash(target, b)));
        expect(expected.length).toBe(1200);
        let same = 0;
        for (let i = 0; i < ours.length; i++) if (ours[i] === expected[i]) same++;
        console.log(`source hash ${version}: ${same}/${ours.length}`);
        expect(ours).toEqual(expected);
      },
      120_000,
    );
  }

  it('reproduces the SipHash-2-4 reference vector (key 00..0f, message 00..0e)', () => {
    const msg = Uint8Array.from({ length: 15 }, (_, i) => i);
    expect(hex(siphash(0x03020100, 0x07060504, 0x0b0a0908, 0x0f0e0d0c, msg, 2, 4))).toBe('e545be4961ca29a1');
  });

  it('refuses versions without hash-based pycs', () => {
    expect(() => sourceHash(targetForVersion('3.6')!, new Uint8Array())).toThrow(RangeError);
  });
});
