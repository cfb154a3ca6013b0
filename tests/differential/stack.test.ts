// Stack effects and stack depth for 3.11: stackEffect311 equals dis.stack_effect for every opcode,
// oparg 0..699 and jump None/True/False; the depth walked over finished bytecode equals co_stacksize
// for the stdlib's code objects — except where CPython counted a handler that no path reaches in
// the bytecode (its try body compiled to nothing that can raise), which the test names and counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kind, readPyc, stackDepthReport311, stackEffect311, type CodeObject } from '@tspyc/bytecode';
import { corpusSelection } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';

const EFFECTS = `
import dis, json, opcode
out = {}
for name, op in opcode.opmap.items():
    args = range(0, 700) if op >= opcode.HAVE_ARGUMENT else [None]
    rows = []
    for a in args:
        row = []
        for j in (None, True, False):
            try:
                row.append(dis.stack_effect(op, a, jump=j))
            except ValueError:
                row.append(None)
        rows.append(row)
    out[name] = rows
print(json.dumps(out))
`;

describe.skipIf(!oracle('3.11'))('3.11 stack effects and depth', () => {
  it('stackEffect311 = dis.stack_effect', () => {
    const expected = JSON.parse(runPython('3.11', ['-c', EFFECTS]).stdout) as Record<string, (number | null)[][]>;
    let n = 0;
    const bad: string[] = [];
    for (const [name, rows] of Object.entries(expected)) {
      rows.forEach((row, arg) => {
        n++;
        const ours = [null, true, false].map((j) => stackEffect311(name, arg, j) ?? null);
        if (JSON.stringify(ours) !== JSON.stringify(row)) bad.push(`${name} ${arg}: ${JSON.stringify(ours)} vs ${JSON.stringify(row)}`);
      });
    }
    console.log(`stack effects: ${n - bad.length}/${n} (opcode, oparg) cases identical`);
    expect(bad.slice(0, 10)).toEqual([]);
  }, 120_000);

  it('depth over the bytecode = co_stacksize', () => {
    const entries = corpusSelection(stdlibPycs('3.11').entries, 150);
    let codes = 0;
    let same = 0;
    let unreached = 0;
    const bad: string[] = [];
    for (const e of entries) {
      const pyc = readPyc(readFileSync(e.pyc));
      const walk = (co: CodeObject) => {
        codes++;
        const r = stackDepthReport311(co, pyc.target);
        if (r.depth === co.stacksize) same++;
        else if (r.depth < co.stacksize && r.unreached > 0) unreached++;
        else bad.push(`${e.src} ${co.coQualname}: ${r.depth} vs ${co.stacksize}`);
        for (const c of co.consts.items) if (c.kind === Kind.Code) walk(c);
      };
      walk(pyc.code);
    }
    console.log(`stack depth: ${same}/${codes} code objects identical; ${unreached} deeper in CPython because of a handler unreachable in the bytecode`);
    expect(bad).toEqual([]);
  }, 600_000);
});
