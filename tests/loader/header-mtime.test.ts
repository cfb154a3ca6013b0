// The mtime a timestamp pyc records, against py_compile on the same files: int(st_mtime) of a
// double, so nanosecond mtimes just below a whole second round up to it (and negative mtimes wrap
// mod 2**32). tspyc's headerMtime / codeToPyc must write the same header and validatePyc accept
// CPython's — for each mtime below.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPyc, targetForVersion } from '@tspyc/bytecode';
import { cachePathFor, codeToPyc, headerMtime, validatePyc } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';

const target = targetForVersion('3.11')!;
const NS = [
  1_700_000_000_000_000_000n,
  1_700_000_000_999_999_999n, // st_mtime rounds to 1700000001.0
  1_700_000_000_999_999_900n,
  1_700_000_000_999_999_800n, // stays below
  1_700_000_000_500_000_000n,
  4_294_967_296_000_000_001n, // 2**32 s: wraps to 0
  6_442_450_943_999_999_999n, // 1.5 * 2**32 s, rounding up
  -1_500_000_000n,
  -1_000_000_000n,
  -999_999_999n,
  -1n,
  1n,
  0n,
];

describe.skipIf(!oracle('3.11'))('timestamp header mtime, as py_compile writes it', () => {
  it('agrees on every mtime, and each side accepts the other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-mtime-'));
    const sources = NS.map((_, i) => join(dir, `m${i}.py`));
    sources.forEach((s, i) => writeFileSync(s, `x = ${i}\n`));
    const script = [
      'import os, py_compile, sys',
      'for p, ns in zip(sys.argv[1::2], sys.argv[2::2]):',
      '    os.utime(p, ns=(int(ns), int(ns)))',
      '    py_compile.compile(p, doraise=True)',
    ].join('\n');
    const r = runPython('3.11', ['-c', script, ...NS.flatMap((ns, i) => [sources[i]!, String(ns)])], { env: { PYTHONDONTWRITEBYTECODE: undefined, SOURCE_DATE_EPOCH: undefined } });
    expect(r.status, r.stderr).toBe(0);
    const rows = NS.map((ns, i) => {
      const source = sources[i]!;
      expect(statSync(source, { bigint: true }).mtimeNs).toBe(ns);
      const theirs = readFileSync(cachePathFor(source, { target })!);
      const code = readPyc(theirs).code;
      const bytes = readFileSync(source);
      const ours = codeToPyc(target, code, { bytes, mtimeNs: ns }, 'timestamp');
      const accepted = validatePyc(theirs, { mtimeNs: ns, size: bytes.length, bytes: () => bytes }, target, { cacheMtimeNs: null });
      return { ns: String(ns), ours: Buffer.from(ours.subarray(0, 16)).toString('hex'), theirs: theirs.subarray(0, 16).toString('hex'), accepted: accepted.fresh, whole: Buffer.from(ours).equals(theirs) };
    });
    for (const row of rows) expect(row).toEqual({ ...row, ours: row.theirs, accepted: true, whole: true });
    // The boundary case really is one: truncating the nanoseconds would have written another second.
    expect(headerMtime(1_700_000_000_999_999_999n)).toBe(1_700_000_001);
    console.log(`header mtimes: ${rows.length}/${rows.length} pycs byte-identical to py_compile's`);
  });
});
