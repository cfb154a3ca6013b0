// Bad input is normal input: every case gives exactly one line on stderr, a non-zero exit, and no
// JavaScript stack trace — for `tspyc inspect` and `tspyc dis` alike.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT, tspyc } from './run-cli.js';

const HEADER_311 = [0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

const CASES: Record<string, number[] | 'dir' | 'missing'> = {
  'missing file': 'missing',
  'a directory': 'dir',
  'empty file': [],
  '3 bytes': [0xa7, 0x0d, 0x0d],
  'header only': HEADER_311,
  'wrong magic': [0x00, 0x00, 0x0d, 0x0a, ...HEADER_311.slice(4), 0xe3],
  'not even a pyc': [...Buffer.from('print("hello")\n')],
  'invalid flags': [0xa7, 0x0d, 0x0d, 0x0a, 4, 0, 0, 0, ...HEADER_311.slice(8), 0x4e],
  'unknown type code': [...HEADER_311, 0x01],
  'reference to a missing index': [...HEADER_311, 0x72, ...le32(5)],
  '2 GB length prefix in a short file': [...HEADER_311, 0x73, ...le32(0x7fffffff)],
  'deep nesting': [...HEADER_311, ...new Array(100_000).fill([0x29, 0x01]).flat()],
  'a non-code object': [...HEADER_311, 0x4e],
  'a code object cut short': [...HEADER_311, 0xe3, ...le32(0), ...le32(0)],
};

describe.skipIf(!BUILT)('bad input gives one line and a non-zero exit', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tspyc-bad-'));
    for (const [name, bytes] of Object.entries(CASES)) {
      const file = join(dir, name.replace(/\W+/g, '_') + '.pyc');
      if (bytes === 'dir') mkdirSync(file);
      else if (bytes !== 'missing') writeFileSync(file, Uint8Array.from(bytes));
    }
  });

  for (const command of ['inspect', 'dis']) {
    for (const name of Object.keys(CASES)) {
      it(`${command}: ${name}`, () => {
        const r = tspyc([command, join(dir, name.replace(/\W+/g, '_') + '.pyc')]);
        expect(r.status).not.toBe(0);
        expect(r.stdout).toBe('');
        const lines = r.stderr.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^tspyc: /);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stderr).not.toMatch(/internal error/);
      });
    }
  }

  it('a bad flag is a usage error (exit 2)', () => {
    const r = tspyc(['inspect', '--bogus', 'x.pyc']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});
