// co_positions(), co_lines(), the exception table and dis.findlinestarts decoded by tspyc, compared
// with each CPython's own decoders for every code object of its stdlib pycs (digests of the reprs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CodeLayout,
  type CodeObject,
  coLines,
  decodeExceptionTable,
  findLineStarts,
  positions,
  readPyc,
} from '@tspyc/bytecode';
import { corpusSelection } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';
import { pyRepr, tuple, type PlainPy } from '../../tools/python-repr.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../tools/oracle/code_tables.py');
const digest = (v: PlainPy) => createHash('sha1').update(pyRepr(v)).digest('hex');

function walk(co: CodeObject, out: CodeObject[] = []): CodeObject[] {
  out.push(co);
  for (const c of co.nestedCode) walk(c, out);
  return out;
}

function ours(co: CodeObject, merge: boolean, withNone: boolean): (string | null)[] {
  const modern = co.layout >= CodeLayout.Py311;
  const pos = modern
    ? digest(positions(co.linetable.value, co.firstlineno, co.code.value.length / 2).map((p) => tuple(p.line, p.endLine, p.col, p.endCol)))
    : null;
  const lines = co.layout >= CodeLayout.Py310 ? digest(coLines(co, merge).map((r) => tuple(r.start, r.end, r.line))) : null;
  const exc = modern
    ? digest(decodeExceptionTable(co.exceptiontable!.value).map((e) => tuple(e.start * 2, e.end * 2, e.target * 2, e.depth, e.lasti)))
    : null;
  const starts = digest(findLineStarts(co, merge, withNone).map(([o, l]) => tuple(o, l)));
  return [pos, lines, exc, starts];
}

const VERSIONS = ['2.7', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'] as const;

describe('line, position and exception tables agree with CPython', () => {
  for (const version of VERSIONS) {
    it.skipIf(!oracle(version))(
      `${version}: every code object of the sampled stdlib pycs`,
      () => {
        const corpus = stdlibPycs(version);
        const files = corpusSelection(corpus.entries, 150).map((e) => e.pyc);
        const header = readPyc(readFileSync(files[0]!)).target.headerSize;
        const out = runPython(version, [SCRIPT, String(header)], { input: files.join('\n') + '\n' }).stdout;
        let codes = 0;
        const bad: string[] = [];
        for (const line of out.trim().split('\n')) {
          const rec = JSON.parse(line) as { pyc: string; codes: (string | null)[][] };
          const mine = walk(readPyc(readFileSync(rec.pyc)).code).map((c) => ours(c, version !== '3.11', version === '3.13'));
          codes += rec.codes.length;
          if (JSON.stringify(mine) !== JSON.stringify(rec.codes)) bad.push(rec.pyc);
        }
        console.log(`code tables ${version}: ${files.length - bad.length}/${files.length} files, ${codes} code objects`);
        expect(bad).toEqual([]);
      },
      300_000,
    );
  }
});
