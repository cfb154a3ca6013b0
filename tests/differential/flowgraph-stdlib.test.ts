// The flow-graph passes over the stdlib: every code object tspyc compiles is paired with the one
// python3.11 wrote to its pyc; where the two co_code agree (code generation and the passes laid out
// the same instructions), what only the passes decide must agree too: co_exceptiontable (handler
// labelling and depths), co_stacksize (stackdepth), co_linetable (line propagation, NOP removal,
// duplicated exits). Files tspyc cannot compile yet are counted, not failed (codegen's tests own that).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kind, readPyc, type CodeObject } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';
import { sample } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const codes = (co: CodeObject) => co.consts.items.filter((c): c is CodeObject => c.kind === Kind.Code);

describe.skipIf(!oracle('3.11'))('3.11 flow-graph passes over the stdlib', () => {
  it('give CPython exception tables, stack sizes and line tables wherever co_code matches', () => {
    // the whole corpus is covered byte for byte by pyc-bytes.test.ts; this stays a sample in CI too
    const entries = sample(stdlibPycs('3.11').entries, 150);
    let total = 0;
    let sameCode = 0;
    let notCompiled = 0;
    const bad: string[] = [];
    for (const e of entries) {
      let ours: CodeObject;
      try {
        ours = compileSource(readFileSync(e.src), e.src);
      } catch {
        notCompiled++;
        continue;
      }
      const walk = (a: CodeObject, b: CodeObject) => {
        total++;
        if (same(a.code.value, b.code.value)) {
          sameCode++;
          const wrong = [
            same(a.exceptiontable!.value, b.exceptiontable!.value) ? '' : 'co_exceptiontable',
            a.stacksize === b.stacksize ? '' : `co_stacksize ${a.stacksize} vs ${b.stacksize}`,
            same(a.linetable.value, b.linetable.value) ? '' : 'co_linetable',
          ].filter(Boolean);
          if (wrong.length) bad.push(`${e.src} ${b.coQualname}: ${wrong.join(', ')}`);
        }
        const ca = codes(a);
        const cb = codes(b);
        for (let i = 0; i < Math.min(ca.length, cb.length); i++) walk(ca[i]!, cb[i]!);
      };
      walk(ours, readPyc(readFileSync(e.pyc)).code);
    }
    console.log(
      `flow-graph passes: ${sameCode - bad.length}/${sameCode} code objects with CPython's co_code also match its exception table, stack size and line table ` +
        `(${total} code objects, ${entries.length} files, ${notCompiled} not compiled yet)`,
    );
    expect(bad.slice(0, 10)).toEqual([]);
    expect(sameCode).toBeGreaterThan(0);
  }, 600_000);
});
