// `tspyc tokenize` as a user runs it, beside `python3.11 -m tokenize` run the same way.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPython, oracle, oracleEnv } from '../../tools/oracles.js';
import { BUILT, tspyc } from './run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function python(args: string[], input?: string) {
  const r = spawnSync(findPython('3.11')!, ['-m', 'tokenize', ...args], { encoding: 'utf8', input, env: oracleEnv() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!BUILT || !oracle('3.11'))('tspyc tokenize', () => {
  it('a file, with and without -e', () => {
    const file = join(ROOT, 'fixtures', 'example', 'hello.py');
    for (const args of [[file], ['-e', file]]) expect(tspyc(['tokenize', ...args])).toEqual(python(args));
  });

  it('a missing file', () => {
    expect(tspyc(['tokenize', '/no/such/file.py'])).toEqual(python(['/no/such/file.py']));
  });

  const STDIN = ['x = (1,\n', 'if x:\n    y\n  z\n', 'a = 1\r\nb = "é"\n', 's = """open\n', 'print(1)'];
  for (const input of STDIN) {
    it(`stdin: ${JSON.stringify(input)}`, () => {
      expect(tspyc(['tokenize', '-e'], input)).toEqual(python(['-e'], input));
    });
  }
});
