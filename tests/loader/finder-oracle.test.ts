// The path-based finder against python3.11's importlib on real trees: PathFinder.find_spec field
// by field (modules, packages, sourceless pycs, namespace packages split over path entries,
// FileFinder's shadowing order, odd path entries, sys.pycache_prefix and -O levels in spec.cached),
// the import system's walk over parents (module attributes and ModuleNotFoundError messages), and
// relative-name resolution with importlib's and the C import's error messages.
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { targetForVersion } from '@tspyc/bytecode';
import { findModule, findSpec, LoaderError, moduleAttributes, NodeFileSystem, resolveImportName, resolveName, resolveRelativeName, type ImportGlobals } from '@tspyc/loader';
import { oracle } from '../../tools/oracles.js';
import { askImportlib, asOracleSpec, makeTree, pyCompile, type OracleSpec } from './oracle-helpers.js';

const target = targetForVersion('3.11')!;
const fs = new NodeFileSystem();

// Names are unusual so nothing on the oracle's own sys.path can answer for them.
const TREE = {
  'r1/tsq_mod.py': 'x = 1\n',
  'r1/tsq_pkg/__init__.py': '',
  'r1/tsq_pkg/sub.py': 'x = 1\n',
  'r1/tsq_pkg/inner/__init__.py': '',
  'r1/tsq_pkg/inner/deep.py': 'x = 1\n',
  'r1/tsq_pkgdir_vs_mod/__init__.py': '', // package dir beats module file
  'r1/tsq_pkgdir_vs_mod.py': 'x = 1\n',
  'r1/tsq_nsdir_vs_mod/plain.txt': 'not python\n', // module file beats namespace dir
  'r1/tsq_nsdir_vs_mod.py': 'x = 1\n',
  'r1/tsq_py_vs_pyc.py': 'x = 1\n', // .py beats legacy .pyc
  'r1/tsq_ext_vs_py.so': '', // an extension suffix beats .py (found, not loaded here)
  'r1/tsq_ext_vs_py.py': 'x = 1\n',
  'r1/tsq_ns/one.py': 'x = 1\n', // namespace portion 1
  'r1/tsq_ns_then_mod/a.txt': '', // namespace portion in r1, module in r2: module wins
  'r1/tsq_dir_named.py/a.txt': '', // a directory named like a module file: not a module
  'r1/tsq_init_is_dir/__init__.py/a.txt': '', // __init__.py that is a directory: namespace
  'r1/tsq_noext': 'a file without suffix\n',
  'r1/tsq_empty_ns': null,
  'r1/__pycache__/tsq_orphan.cpython-311.pyc': 'never imported\n',
  'r2/tsq_ns/two.py': 'x = 1\n', // namespace portion 2
  'r2/tsq_ns_then_mod.py': 'x = 1\n',
  'r2/tsq_mod.py': 'x = 2\n', // shadowed by r1's
  'r2/tsq_pkg/__init__.py': '', // shadowed by r1's
  'r2/tsq_only_r2/__init__.py': '',
  'r2/tsq_empty_ns': null,
  'r2/a_file.py': '', // used as a (non-directory) path entry
  'r1/tsq_pkgfile': 'a file, not a package\n', // tsq_pkgfile/__init__.py cannot exist
  'r1/tsq_é.py': 'x = 1\n', // a non-ASCII module name
  'srcs/tsq_sourceless.py': 'x = 1\n',
  'srcs/tsq_py_vs_pyc.py': 'x = 1\n',
  'srcs/__init__.py': 'x = 1\n',
  'srcs/sub2.py': 'x = 1\n',
};

const NAMES = [
  'tsq_mod', 'tsq_pkg', 'tsq_pkgdir_vs_mod', 'tsq_nsdir_vs_mod', 'tsq_py_vs_pyc', 'tsq_ext_vs_py', 'tsq_ns',
  'tsq_ns_then_mod', 'tsq_dir_named', 'tsq_init_is_dir', 'tsq_noext', 'tsq_empty_ns', 'tsq_orphan', 'tsq_only_r2',
  'tsq_sourceless', 'tsq_pkgpyc', 'tsq_missing', 'a_file', 'x.tsq_mod',
  'tsq_pkgfile', 'tsq_é', 'TSQ_MOD', 'tsq_link', 'tsq_broken', 'tsq_linkdir', 'tsq_linkns',
];

describe.skipIf(!oracle('3.11'))('path-based finder agrees with importlib (3.11)', () => {
  let base = '';
  let r1 = '';
  let r2 = '';
  let extensionSuffixes: string[] = [];
  const rows: { query: string; ours: unknown; theirs: unknown }[] = [];

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'tspyc-finder-'));
    r1 = join(base, 'r1');
    r2 = join(base, 'r2');
    makeTree(base, TREE);
    // Symbolic links: to a module, to nothing, to a package directory, to a namespace directory.
    symlinkSync(join(r2, 'tsq_mod.py'), join(r1, 'tsq_link.py'));
    symlinkSync(join(base, 'nowhere.py'), join(r1, 'tsq_broken.py'));
    symlinkSync(join(r1, 'tsq_pkg'), join(r1, 'tsq_linkdir'));
    symlinkSync(join(r1, 'tsq_ns'), join(r2, 'tsq_linkns'));
    // Sourceless pycs, written by CPython where a source would be (legacy layout).
    pyCompile([
      { source: join(base, 'srcs/tsq_sourceless.py'), cfile: join(r1, 'tsq_sourceless.pyc') },
      { source: join(base, 'srcs/tsq_py_vs_pyc.py'), cfile: join(r1, 'tsq_py_vs_pyc.pyc') },
      { source: join(base, 'srcs/__init__.py'), cfile: join(r1, 'tsq_pkgpyc/__init__.pyc') },
      { source: join(base, 'srcs/sub2.py'), cfile: join(r1, 'tsq_pkg/sub2.pyc') },
    ]);
    extensionSuffixes = askImportlib<{ ok: string[] }>([{ op: 'extension_suffixes' }])[0]!.ok;
  }, 60_000);

  const compare = (label: string, ours: unknown, theirs: unknown) => rows.push({ query: label, ours, theirs });

  it('PathFinder.find_spec: every name, several sys.path orders and entry kinds, with and without a prefix', () => {
    const pathVariants: { label: string; path: string[]; cwd?: string }[] = [
      { label: '[r1, r2]', path: [r1, r2] },
      { label: '[r2, r1]', path: [r2, r1] },
      { label: '[missing, a file, r1/]', path: [join(base, 'missing'), join(r2, 'a_file.py'), r1 + '/'] },
      { label: "['', r2] from r1", path: ['', r2], cwd: r1 },
      { label: "['r1', '.', 'r2/'] from base", path: ['r1', '.', 'r2/'], cwd: base },
    ];
    const prefixes = [null, join(base, 'pfx'), 'relpfx'];
    const queries: { q: object; name: string; path: string[]; cwd: string; prefix: string | null; label: string }[] = [];
    for (const v of pathVariants) {
      for (const prefix of prefixes) {
        for (const name of NAMES) {
          const cwd = v.cwd ?? base;
          queries.push({ q: { op: 'find_spec', name, path: v.path, prefix, cwd }, name, path: v.path, cwd, prefix, label: `${name} on ${v.label} prefix=${prefix}` });
        }
      }
    }
    // Submodules on a parent's __path__, namespace portions included.
    const subs: [string, string[]][] = [
      ['tsq_pkg.sub', [join(r1, 'tsq_pkg')]],
      ['tsq_pkg.sub2', [join(r1, 'tsq_pkg')]],
      ['tsq_pkg.inner', [join(r1, 'tsq_pkg')]],
      ['tsq_pkg.inner.deep', [join(r1, 'tsq_pkg/inner')]],
      ['tsq_ns.one', [join(r1, 'tsq_ns'), join(r2, 'tsq_ns')]],
      ['tsq_ns.two', [join(r1, 'tsq_ns'), join(r2, 'tsq_ns')]],
      ['tsq_ns.three', [join(r1, 'tsq_ns'), join(r2, 'tsq_ns')]],
    ];
    for (const [name, path] of subs) {
      for (const prefix of prefixes) queries.push({ q: { op: 'find_spec', name, path, prefix, cwd: base }, name, path, cwd: base, prefix, label: `${name} prefix=${prefix}` });
    }
    const answers = askImportlib<{ spec: OracleSpec | null }>(queries.map((x) => x.q));
    queries.forEach((x, i) => {
      const ours = findSpec(fs, x.name, x.path, { target, pycachePrefix: x.prefix, cwd: x.cwd, extensionSuffixes });
      compare(x.label, asOracleSpec(ours), answers[i]!.spec);
    });
    const bad = rows.filter((r) => JSON.stringify(r.ours) !== JSON.stringify(r.theirs));
    console.log(`find_spec: ${rows.length - bad.length}/${rows.length} specs agree with importlib field by field`);
    expect(bad).toEqual([]);
    // The queries cover every kind of answer.
    const loaders = new Set(answers.map((a) => (a.spec === null ? 'none' : String(a.spec.loader))));
    expect(loaders).toEqual(new Set(['none', 'null', 'SourceFileLoader', 'SourcelessFileLoader', 'ExtensionFileLoader']));
    rows.length = 0;
  });

  it('spec.cached under -O and -OO', () => {
    for (const level of [1, 2] as const) {
      const names = ['tsq_mod', 'tsq_pkg', 'tsq_sourceless', 'tsq_ns'];
      const qs = names.flatMap((name) => [null, join(base, 'pfx')].map((prefix) => ({ op: 'find_spec', name, path: [r1, r2], prefix, cwd: base })));
      const answers = askImportlib<{ spec: OracleSpec | null }>(qs, { optimize: level });
      const ours = qs.map((q) => asOracleSpec(findSpec(fs, q.name, q.path, { target, optimization: level, pycachePrefix: q.prefix, cwd: base, extensionSuffixes })));
      expect(ours).toEqual(answers.map((a) => a.spec));
      expect(answers[0]!.spec!.cached).toMatch(new RegExp(`\\.opt-${level}\\.pyc$`));
      console.log(`find_spec -O${level}: ${qs.length}/${qs.length} agree`);
    }
  });

  it('imports walk the parents: module attributes and ModuleNotFoundError messages', () => {
    const cases = [
      'tsq_mod', 'tsq_pkg', 'tsq_pkg.sub', 'tsq_pkg.sub2', 'tsq_pkg.inner.deep', 'tsq_ns', 'tsq_ns.one', 'tsq_ns.two',
      'tsq_pkgpyc', 'tsq_sourceless', 'tsq_only_r2', 'tsq_ns_then_mod',
      'tsq_missing', 'tsq_mod.sub', 'tsq_pkg.nope', 'tsq_pkg.inner.nope', 'tsq_ns.nope', 'tsq_pkg.sub.deeper', 'tsq_missing.sub',
    ];
    const sysPath = [r1, r2];
    const answers = askImportlib<{ spec?: OracleSpec; attrs?: Record<string, unknown>; error?: string; message?: string }>(
      cases.map((name) => ({ op: 'import', name, sys_path: sysPath, prefix: null, cwd: base })),
    );
    let agree = 0;
    cases.forEach((name, i) => {
      const theirs = answers[i]!;
      let ours: typeof theirs;
      try {
        const specs = findModule(fs, name, sysPath, { target, cwd: base, extensionSuffixes });
        const spec = specs[specs.length - 1]!;
        ours = { spec: asOracleSpec(spec)!, attrs: { ...moduleAttributes(spec) } };
        // A namespace package's spec gets NamespaceLoader once the module exists.
        if (spec.loaderKind === 'namespace') ours.spec!.loader = 'NamespaceLoader';
      } catch (err) {
        if (!(err instanceof LoaderError)) throw err;
        ours = { error: err.pythonType, message: err.message };
      }
      expect({ name, ...ours }).toEqual({ name, ...theirs });
      agree++;
    });
    expect(answers.filter((a) => a.error).length).toBeGreaterThanOrEqual(6);
    console.log(`imports: ${agree}/${cases.length} agree with importlib (attributes or error message)`);
  });

  it('relative names: _sanity_check/_resolve_name, importlib.util.resolve_name, and the C __import__', () => {
    const levels: [string, string | null, number][] = [];
    for (const pkg of ['a', 'a.b', 'a.b.c', '', null, 'a..b', '.a']) {
      for (const name of ['', 'x', 'x.y']) for (const level of [-1, 0, 1, 2, 3, 4]) levels.push([name, pkg, level]);
    }
    const utils: [string, string | null][] = [];
    for (const pkg of ['a', 'a.b', 'a.b.c', '', null]) for (const name of ['x', '.x', '..x', '...x.y', '.', '..', '....x']) utils.push([name, pkg]);
    const answers = askImportlib<{ ok?: string; error?: string; message?: string }>([
      ...levels.map(([name, pkg, level]) => ({ op: 'resolve', name, package: pkg, level })),
      ...utils.map(([name, pkg]) => ({ op: 'resolve_util', name, package: pkg })),
      // The C import statement's errors for the relative cases that fail before any import.
      ...levels.filter(([, pkg, level]) => level > 0 && pkg !== null).map(([name, pkg, level]) => ({ op: 'dunder_import', name, package: pkg, level })),
    ]);
    const outcome = (f: () => string) => {
      try {
        return { ok: f() };
      } catch (err) {
        if (!(err instanceof LoaderError)) throw err;
        return { error: err.pythonType, message: err.message };
      }
    };
    let i = 0;
    const mismatches: unknown[] = [];
    for (const [name, pkg, level] of levels) {
      const ours = outcome(() => resolveName(name, pkg, level));
      if (JSON.stringify(ours) !== JSON.stringify(answers[i])) mismatches.push({ fn: 'resolve', name, pkg, level, ours, theirs: answers[i] });
      i++;
    }
    for (const [name, pkg] of utils) {
      const ours = outcome(() => resolveRelativeName(name, pkg));
      if (JSON.stringify(ours) !== JSON.stringify(answers[i])) mismatches.push({ fn: 'resolve_util', name, pkg, ours, theirs: answers[i] });
      i++;
    }
    let cChecked = 0;
    for (const [name, pkg, level] of levels.filter(([, p, l]) => l > 0 && p !== null)) {
      const theirs = answers[i++]!;
      const ours = outcome(() => resolveName(name, pkg, level));
      // Where resolution fails, the C import statement fails with the same error; where it
      // succeeds, C goes on to import the (absent) module, which is not ours to compare.
      if ('error' in ours) {
        cChecked++;
        if (JSON.stringify(ours) !== JSON.stringify(theirs)) mismatches.push({ fn: '__import__', name, pkg, level, ours, theirs });
      } else if (theirs.error !== 'ModuleNotFoundError') mismatches.push({ fn: '__import__', name, pkg, level, ours, theirs });
    }
    expect(mismatches).toEqual([]);
    console.log(`relative names: ${levels.length + utils.length} resolutions and ${cChecked} C-import errors agree with CPython`);
  });

  it('the import statement: the package from __package__, __spec__.parent or __name__/__path__ (C resolve_name)', () => {
    const globalsVariants: Record<string, unknown>[] = [
      { __package__: 'tsqa.tsqb' }, { __package__: '' }, { __package__: 1 }, { __package__: 'tsqa', __spec__: { parent: 'tsqa' } },
      { __package__: 'tsqa', __spec__: { parent: 'tsqx' } }, { __package__: null, __spec__: { parent: 'tsqa.tsqb' } },
      { __package__: null, __spec__: { parent: 1 } }, { __spec__: { parent: '' } }, { __package__: null, __spec__: null, __name__: 'tsqa.tsqb.tsqc' },
      { __name__: 'tsqa.tsqb.tsqc', __path__: [] }, { __name__: 'tsqa', __path__: [] }, { __name__: 'tsqtop' }, { __name__: 1 }, {}, { __spec__: null },
      { __package__: 'tsqa..tsqb' },
    ];
    const queries: { name: string; globals: Record<string, unknown>; level: number }[] = [];
    for (const globals of globalsVariants) for (const name of ['', 'tsqz', 'tsqz.tsqy']) for (const level of [-1, 0, 1, 2, 3]) queries.push({ name, globals, level });
    const answers = askImportlib<{ ok?: null; error?: string; message?: string; warnings: string[] }>(queries.map((q) => ({ op: 'import_globals', ...q })));
    const mismatches: unknown[] = [];
    let resolvedChecked = 0;
    queries.forEach((q, i) => {
      const theirs = answers[i]!;
      const g = q.globals;
      const globals: ImportGlobals = { __package__: g.__package__, __spec__: g.__spec__ as ImportGlobals['__spec__'], __name__: g.__name__, hasPath: '__path__' in g };
      let ours: { ok?: string; error?: string; message?: string; warnings: string[] };
      try {
        const r = resolveImportName(q.name, globals, q.level);
        ours = { ok: r.name, warnings: r.warnings };
      } catch (err) {
        if (!(err instanceof LoaderError)) throw err;
        ours = { error: err.pythonType, message: err.message, warnings: [] };
      }
      // Warnings come before any error in CPython; ours are only reported on success, so compare them there.
      if (ours.ok !== undefined) {
        // CPython then imports the (absent) resolved name: its top-level part is what is missing.
        const expected = { error: 'ModuleNotFoundError', message: `No module named '${ours.ok.split('.')[0]}'`, warnings: ours.warnings };
        if (JSON.stringify(expected) !== JSON.stringify(theirs)) mismatches.push({ q, ours, theirs });
        resolvedChecked++;
      } else if (ours.error !== theirs.error || ours.message !== theirs.message) mismatches.push({ q, ours, theirs });
    });
    expect(mismatches).toEqual([]);
    console.log(`import statement: ${queries.length}/${queries.length} agree with CPython's __import__ (${resolvedChecked} resolved, checked by the module CPython then looks for, with ImportWarnings; the rest by error type and message)`);
  });
});
