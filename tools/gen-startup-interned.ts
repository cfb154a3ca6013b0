// Generates packages/bytecode/src/marshal/ref-model/generated/pyXY-startup-interned.ts: what a
// fresh `pythonX.Y -m py_compile FILE` process has interned before it compiles FILE (the process
// state pyc-format.md §4.5 describes), measured by compiling a probe module in exactly such a
// process (tools/oracle/startup_interned.py explains the probe). Rerun when the oracle changes:
//   npx tsx tools/gen-startup-interned.ts            (writes the file)
//   npx tsx tools/gen-startup-interned.ts --check    (exit 1 when the committed file is stale)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, loadsAt, type CodeObject } from '@tspyc/bytecode';
import { stdlibDir } from './corpus.js';
import { writeOrCheck } from './generated-file.js';
import { findPython, oracleEnv, runPython } from './oracles.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(HERE, 'oracle', 'startup_interned.py');
const GENERATED_DIR = join(HERE, '..', 'packages', 'bytecode', 'src', 'marshal', 'ref-model', 'generated');
const VERSIONS = ['3.11', '3.12', '3.13'] as const;

const RUNS = 5;

interface Measured {
  strings: string[];
  chars: string[];
  qualnames: string[];
  unstable: string[];
}

function measure(version: string): Measured | null {
  const exe = findPython(version);
  if (!exe) return null;
  const work = mkdtempSync(join(tmpdir(), 'tspyc-startup-interned-'));
  try {
    const cands = runPython(version, [SCRIPT, 'candidates', stdlibDir(version)]);
    if (cands.status !== 0) throw new Error(cands.stderr);
    const probe = join(work, 'probe.py');
    const made = runPython(version, [SCRIPT, 'probe', probe], { input: cands.stdout });
    if (made.status !== 0) throw new Error(made.stderr);
    const quals = runPython(version, [SCRIPT, 'qualnames']);
    if (quals.status !== 0) throw new Error(quals.stderr);
    const qualProbe = join(work, 'qualprobe.py');
    const madeQuals = runPython(version, [SCRIPT, 'qualprobe', qualProbe], { input: quals.stdout });
    if (madeQuals.status !== 0) throw new Error(madeQuals.stderr);
    // a fresh interpreter per run, from an empty directory (sys.path[0] of `-m`). The state is
    // not quite deterministic: a few strings are interned by objects that the start-up may or may
    // not have freed yet (3.11 interned strings are mortal), so the probe runs RUNS times and a
    // string counts when most runs saw it; the others are listed as unstable.
    const cwd = join(work, 'cwd');
    mkdirSync(cwd);
    const tag = `cpython-${version.replace('.', '')}`;
    const compileFresh = (file: string): CodeObject => {
      const r = spawnSync(exe, ['-m', 'py_compile', file], { cwd, env: oracleEnv(), encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`py_compile of ${file} failed: ${r.stderr}`);
      const pyc = join(work, '__pycache__', `${basename(file, '.py')}.${tag}.pyc`);
      return loadsAt(readFileSync(pyc), 16).value as CodeObject;
    };
    const seen = new Map<string, number>();
    let top: CodeObject | null = null;
    for (let run = 0; run < RUNS; run++) {
      top = compileFresh(probe);
      const [f0, f1] = top.nestedCode;
      f0!.consts.items.forEach((c, i) => {
        // the reader gives one JS object per marshal object: a REF in f1 means still shared
        if (c.kind === Kind.FrozenSet && f1!.consts.items[i] !== c && c.items[0]!.kind === Kind.Str) {
          const s = c.items[0]!.value;
          seen.set(s, (seen.get(s) ?? 0) + 1);
        }
      });
    }
    const strings = [...seen].filter(([, n]) => n * 2 > RUNS).map(([s]) => s);
    const unstable = [...seen].filter(([, n]) => n < RUNS).map(([s]) => `${s} (${seen.get(s)}/${RUNS})`);
    // a class body whose co_qualname is not its own __qualname__ constant lost to an older object.
    // The probe defines some qualnames more than once (as outer classes of longer ones); a later
    // duplicate's constant is the first one's object, so only a qualname no class body keeps counts.
    const kept = new Map<string, boolean>();
    const walk = (co: CodeObject): void => {
      const q = co.qualname;
      if (q && q.value.includes('.')) {
        const own = co.consts.items.find((c) => c.kind === Kind.Str && c.value === q.value);
        if (own) kept.set(q.value, (kept.get(q.value) ?? false) || own === q);
      }
      co.nestedCode.forEach(walk);
    };
    walk(compileFresh(qualProbe));
    const qualnames = [...kept].filter(([, k]) => !k).map(([q]) => q);
    const chars: string[] = [];
    for (const c of top!.consts.items) {
      if (c.kind !== Kind.Tuple) continue;
      for (const s of c.items) if (s.kind === Kind.Str && s.interned) chars.push(s.value);
    }
    return { strings: strings.sort(), chars: chars.sort(), qualnames: qualnames.sort(), unstable: unstable.sort() };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Words joined by spaces into lines of at most 100 characters, each starting with `prefix`. */
function wrap(words: string[], prefix: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && prefix.length + line.length + w.length + 1 > 100) {
      lines.push(prefix + line);
      line = '';
    }
    line += (line ? ' ' : '') + w;
  }
  if (line) lines.push(prefix + line);
  return lines;
}

function generate(version: string): string | null {
  const m = measure(version);
  if (!m) return null;
  const unstable = m.unstable.length ? wrap(m.unstable, '//   ').join('\n') : '//   none';
  return (
    `// GENERATED by tools/gen-startup-interned.ts from a fresh \`python${version} -m py_compile\`. Do not edit.\n` +
    `// Identifier-like strings (${m.strings.length}) that process has interned before compiling, as distinct objects.\n` +
    `// Seen in only some of ${RUNS} runs (kept when seen in most):\n${unstable}\n` +
    `export const STARTUP_INTERNED = \`\n${wrap(m.strings, '').join('\n')}\n\`;\n\n` +
    `// Other 1-character Latin-1 strings whose process-wide singleton it has interned.\n` +
    `export const STARTUP_INTERNED_CHARS: readonly string[] = ${JSON.stringify(m.chars)};\n\n` +
    `// Dotted qualnames it has interned (3.13 interns co_qualname; a class body with one of these\n` +
    `// gets that object as co_qualname, apart from its own __qualname__ constant).\n` +
    `export const STARTUP_INTERNED_QUALNAMES: readonly string[] = [\n${m.qualnames.map((q) => `  ${JSON.stringify(q)},\n`).join('')}];\n`
  );
}

writeOrCheck(
  VERSIONS.map((version) => ({
    path: join(GENERATED_DIR, `py${version.replace('.', '')}-startup-interned.ts`),
    text: generate(version),
  })),
);
