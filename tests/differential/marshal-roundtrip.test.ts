// Acceptance (issue 2): reading then writing every pyc CPython writes for its own stdlib gives
// back the same bytes. Cheap enough to sweep the whole corpus every run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dumps, loadsAt, marshalOptionsFor, targetForVersion } from '@tspyc/bytecode';
import { oracle } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';

const VERSIONS = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

describe('marshal round trip over each CPython stdlib', () => {
  for (const version of VERSIONS) {
    it.skipIf(!oracle(version))(
      `${version}: read + write reproduces every stdlib pyc body`,
      () => {
        const target = targetForVersion(version)!;
        const options = marshalOptionsFor(target);
        const corpus = stdlibPycs(version);
        const mismatched: string[] = [];
        for (const { pyc } of corpus.entries) {
          const data = readFileSync(pyc);
          const { value, end } = loadsAt(data, target.headerSize, options);
          const again = dumps(value, options);
          if (end !== data.length || Buffer.compare(Buffer.from(again), data.subarray(target.headerSize)) !== 0) {
            mismatched.push(pyc);
          }
        }
        console.log(`round trip ${version}: ${corpus.entries.length - mismatched.length}/${corpus.entries.length}`);
        expect(corpus.entries.length).toBeGreaterThan(1500);
        expect(mismatched).toEqual([]);
      },
      300_000,
    );
  }
});
