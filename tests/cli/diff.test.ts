// `tspyc diff`: for pairs of pycs that differ in each way it explains — pairs CPython itself writes
// from two sources or two settings, and pairs where one field of a real pyc was changed — it names
// the right field and code object, and exits 0 only for identical files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPyc, writePyc, PyBytes, Kind, type Pyc, type PyValue } from '@tspyc/bytecode';
import { oracle, runPython } from '../../tools/oracles.js';
import { tspyc } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tspyc-diff-'));

/** python`version` -m py_compile of `source` into a pyc; returns its path */
function compile(name: string, source: string, version = '3.11', mode = 'TIMESTAMP'): string {
  const src = join(dir, `${name}.py`);
  writeFileSync(src, source);
  const pyc = join(dir, `${name}-${version}-${mode}.pyc`);
  const code = `import py_compile, os; os.utime(${JSON.stringify(src)}, (1700000000, 1700000000)); py_compile.compile(${JSON.stringify(src)}, cfile=${JSON.stringify(pyc)}, dfile='m.py', doraise=True, invalidation_mode=py_compile.PycInvalidationMode.${mode})`;
  const r = runPython(version, ['-c', code]);
  if (r.status !== 0) throw new Error(r.stderr);
  return pyc;
}

/** a copy of a pyc with `edit` applied to its parsed form, written by our marshal writer */
function edited(pycPath: string, name: string, edit: (p: Pyc) => void): string {
  const p = readPyc(readFileSync(pycPath));
  edit(p);
  const out = join(dir, `${name}.pyc`);
  writeFileSync(out, writePyc(p));
  return out;
}

function diff(a: string, b: string): { status: number | null; text: string; json: { code: { qualname: string; field: string; detail: string } | null; header: { field: string }[] } } {
  const r = tspyc(['diff', a, b]);
  const j = tspyc(['diff', '--json', a, b]);
  expect(j.status).toBe(r.status);
  return { status: r.status, text: r.stdout + r.stderr, json: JSON.parse(j.stdout) };
}

const BASE = 'import os\n\ndef f(a, b):\n    x = a + b\n    try:\n        return g(x)\n    except ValueError:\n        return None\n\nclass C:\n    def m(self):\n        return "text" * 2\n';

describe.skipIf(!oracle('3.11'))('tspyc diff', () => {
  const base = () => compile('base', BASE);

  it('identical files: exit 0', () => {
    const a = base();
    const r = diff(a, a);
    expect(r.status).toBe(0);
    expect(r.text).toContain('identical');
  });

  it('header: mtime, invalidation mode', () => {
    const a = base();
    const later = edited(a, 'mtime', (p) => {
      if (p.header.kind === 'timestamp') p.header.mtime += 1;
    });
    let r = diff(a, later);
    expect(r.status).toBe(1);
    expect(r.json.header.map((h) => h.field)).toEqual(['mtime']);
    expect(r.json.code).toBeNull();
    r = diff(a, compile('base', BASE, '3.11', 'CHECKED_HASH'));
    expect(r.json.header.map((h) => h.field)).toContain('flags');
  });

  it('header: size, source hash', () => {
    const a = base();
    const r = diff(a, edited(a, 'size', (p) => void (p.header.kind === 'timestamp' && (p.header.size = (p.header.size ?? 0) + 1))));
    expect(r.json.header.map((h) => h.field)).toEqual(['size']);
    expect(r.json.code).toBeNull();
    const hashed = compile('base', BASE, '3.11', 'CHECKED_HASH');
    const other = edited(hashed, 'hash', (p) => void (p.header.kind === 'hash' && (p.header.hash[0] ^= 0xff)));
    const h = diff(hashed, other);
    expect(h.status).toBe(1);
    expect(h.json.header.map((x) => x.field)).toEqual(['hash']);
    expect(h.json.code).toBeNull();
  });

  it('magic: another CPython version', () => {
    if (!oracle('3.12')) return;
    const r = diff(base(), compile('base', BASE, '3.12'));
    expect(r.status).toBe(1);
    expect(r.json.header[0]!.field).toBe('magic');
  });

  it('co_code, with the instructions side by side', () => {
    const r = diff(base(), compile('sub', BASE.replace('a + b', 'a - b')));
    expect(r.json.code).toMatchObject({ qualname: 'f', field: 'co_code' });
    expect(r.text).toMatch(/BINARY_OP.*\(\+\)[\s\S]*> .*BINARY_OP.*\(-\)/);
  });

  it('co_consts, co_names, line table', () => {
    let r = diff(base(), compile('consts', BASE.replace('"text" * 2', '"text" * 3')));
    expect(r.json.code).toMatchObject({ qualname: 'C.m', field: 'co_consts' });
    r = diff(base(), compile('names', BASE.replace('return g(x)', 'return h(x)')));
    expect(r.json.code).toMatchObject({ qualname: 'f', field: 'co_names' });
    expect(r.json.code!.detail).toContain("'h'");
    r = diff(base(), compile('lines', BASE.replace('x = a + b', 'x = a +  b')));
    expect(r.json.code).toMatchObject({ qualname: 'f', field: 'co_linetable' });
    // `b` in "x = a + b" spans columns 12-13 of line 4; one more space moves it to 13-14
    expect(r.json.code!.detail).toBe('co_positions() at offset 4: (4, 4, 12, 13) vs (4, 4, 13, 14)');
  });

  it('exception table, stack size, flags', () => {
    const a = base();
    const fOf = (p: Pyc) => p.code.consts.items.find((c) => c.kind === Kind.Code && c.coName === 'f') as Extract<PyValue, { kind: Kind.Code }>;
    let r = diff(
      a,
      edited(a, 'exctable', (p) => {
        const f = fOf(p);
        const t = Uint8Array.from(f.exceptiontable!.value);
        t[t.length - 1] ^= 1; // depth/lasti of the last entry
        f.exceptiontable = new PyBytes(t);
      }),
    );
    expect(r.json.code).toMatchObject({ qualname: 'f', field: 'co_exceptiontable' });
    expect(r.json.code!.detail).toMatch(/exception table entry \d+: .* vs /);
    r = diff(a, edited(a, 'stack', (p) => void (fOf(p).stacksize += 1)));
    expect(r.json.code).toMatchObject({ qualname: 'f', field: 'co_stacksize' });
    r = diff(a, edited(a, 'flags', (p) => void (fOf(p).flags |= 0x20)));
    expect(r.json.code).toMatchObject({ qualname: 'f', field: 'co_flags' });
  });

  it('reference flags only, and marshal type codes only', () => {
    const a = base();
    const noRef = edited(a, 'noref', (p) => {
      // the module's co_names tuple appears once: written with or without FLAG_REF, it reads the same
      p.code.names.ref = !p.code.names.ref;
    });
    let r = diff(a, noRef);
    expect(r.status).toBe(1);
    expect(r.json.code).toMatchObject({ field: 'reference flags' });
    expect(r.json.code!.detail).toContain('<module>.co_names: FLAG_REF');
    const retyped = edited(a, 'retyped', (p) => {
      const f = p.code.consts.items.find((c) => c.kind === Kind.Code && c.coName === 'f') as Extract<PyValue, { kind: Kind.Code }>;
      const s = f.names.items.find((n) => n.kind === Kind.Str) as Extract<PyValue, { kind: Kind.Str }>;
      s.interned = !s.interned;
    });
    r = diff(a, retyped);
    expect(r.json.code).toMatchObject({ field: 'marshal encoding' });
  });

  it('unreadable input: one line, exit 2', () => {
    const bad = join(dir, 'bad.pyc');
    writeFileSync(bad, 'not a pyc');
    const r = tspyc(['diff', base(), bad]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(tspyc(['diff', base(), join(dir, 'missing.pyc')]).status).toBe(2);
  });
});
