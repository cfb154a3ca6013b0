// `tspyc run prog.py | head -1`: the reader closes the pipe; print() then raises BrokenPipeError
// ([Errno 32] Broken pipe) in the program, as in CPython — catchable, and when uncaught a traceback
// on stderr and exit status 1 — never a tspyc internal error.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { oracle } from '../../tools/oracles.js';
import { BIN, BUILT } from './run-cli.js';

const python = oracle('3.11');

/** `bash -c '<cmd> -c PROG | head -1'`: the program's stderr and exit status, head's stdout. */
function throughHead(argv: string[], program: string): { stdout: string; stderr: string; status: string } {
  const quoted = [...argv, '-c', program].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${quoted} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: 60_000 });
  const status = /status=.*$/m.exec(r.stderr)?.[0] ?? '';
  return { stdout: r.stdout, stderr: r.stderr.replace(/status=.*\n?$/m, ''), status };
}

const PROGRAMS = {
  uncaught: 'for i in range(200000):\n    print(i)\n',
  caught: [
    'import sys',
    'try:',
    '    for i in range(200000):',
    '        print(i)',
    'except BrokenPipeError as e:',
    "    sys.stderr.write(f'{type(e).__name__} {e.errno} {e.strerror} {isinstance(e, ConnectionError)}\\n')",
    '    sys.exit(3)',
  ].join('\n'),
};

describe.skipIf(!BUILT || !python)('tspyc run into a closed pipe', () => {
  for (const [name, program] of Object.entries(PROGRAMS)) {
    it(`${name} BrokenPipeError: the same output, traceback and exit status as python3.11`, () => {
      const theirs = throughHead([python!], program);
      const ours = throughHead([process.execPath, BIN, 'run'], program);
      expect(theirs.stderr).toMatch(/BrokenPipe/);
      expect(ours).toEqual(theirs);
    });
  }
});
