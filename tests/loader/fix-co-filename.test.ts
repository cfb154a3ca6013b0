// _imp._fix_co_filename through loadCode: a cache whose code objects name another file gets the
// real source path — in every nested code object that had the old name, and only those — as
// importlib's get_code does (compared on the same pyc). Sourceless loads keep the stored names.
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kind, targetForVersion, type CodeObject } from '@tspyc/bytecode';
import { cachePathFor, loadCode, loadSourceless, NodeFileSystem } from '@tspyc/loader';
import { oracle, runPython } from '../../tools/oracles.js';

const target = targetForVersion('3.11')!;
const fs = new NodeFileSystem();

/** co_filename of every code object, depth first, as "qualname=filename". */
function filenames(code: CodeObject): string[] {
  const out = [`${code.coQualname}=${code.coFilename}`];
  for (const c of code.consts.items) if (c.kind === Kind.Code) out.push(...filenames(c));
  return out;
}

const SOURCE = 'def f():\n    return lambda: 1\nclass C:\n    def m(self):\n        pass\ndef g():\n    pass\n';

describe.skipIf(!oracle('3.11'))('_fix_co_filename', () => {
  it('renames the code objects that had the stored name, as importlib does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tspyc-fixname-'));
    const source = join(dir, 'm.py');
    writeFileSync(source, SOURCE);
    utimesSync(source, 1_700_000_000, 1_700_000_000);
    const cache = cachePathFor(source, { target })!;
    // CPython writes a valid pyc whose code says /bogus/name.py, except g, which says /other.py.
    const script = [
      'import importlib._bootstrap_external as be, importlib.machinery, os, sys',
      'src, cache = sys.argv[1], sys.argv[2]',
      'data = open(src, "rb").read()',
      'code = compile(data, "/bogus/name.py", "exec", dont_inherit=True)',
      'consts = tuple(c.replace(co_filename="/other.py") if getattr(c, "co_name", "") == "g" else c for c in code.co_consts)',
      'code = code.replace(co_consts=consts)',
      'st = os.stat(src)',
      'os.makedirs(os.path.dirname(cache), exist_ok=True)',
      'open(cache, "wb").write(be._code_to_timestamp_pyc(code, int(st.st_mtime), st.st_size))',
      'def names(co):',
      '    out = ["%s=%s" % (co.co_qualname, co.co_filename)]',
      '    for c in co.co_consts:',
      '        if hasattr(c, "co_filename"): out += names(c)',
      '    return out',
      'sys.dont_write_bytecode = True',
      'print("\\n".join(names(importlib.machinery.SourceFileLoader("m", src).get_code("m"))))',
      'print("--")',
      'print("\\n".join(names(importlib.machinery.SourcelessFileLoader("m", cache).get_code("m"))))',
    ].join('\n');
    const r = runPython('3.11', ['-c', script, source, cache]);
    expect(r.status, r.stderr).toBe(0);
    const [viaSource, viaSourceless] = r.stdout.trim().split('\n--\n').map((b) => b.split('\n'));
    const before = readFileSync(cache);
    const ours = loadCode(fs, source, { target, compile: () => { throw new Error('must use the cache'); } });
    expect(ours.from).toBe('cache');
    expect(filenames(ours.code)).toEqual(viaSource);
    expect(viaSource).toContain('g=/other.py');
    expect(viaSource).toContain(`f.<locals>.<lambda>=${source}`);
    expect(filenames(loadSourceless(fs, cache, { target }))).toEqual(viaSourceless);
    expect(readFileSync(cache).equals(before)).toBe(true);
    console.log(`_fix_co_filename: ${viaSource.length + viaSourceless.length}/${viaSource.length + viaSourceless.length} code object filenames agree with importlib`);
  });
});
