// The 3.11 assembler against CPython's own output: every code object of the pycs python3.11 writes
// for its stdlib is taken apart into instructions (jump targets as instruction indices, a location
// and a handler per instruction) and assembled again; co_code, co_linetable and co_exceptiontable
// must come out byte for byte — EXTENDED_ARG sizing, jump distances, caches, location entries and
// exception ranges as CPython lays them out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeExceptionTable, jumpTarget, Kind, opcodeTable, positions, readPyc, unpackOpargs, type CodeObject, type Target } from '@tspyc/bytecode';
import { assemble311, type AsmInstruction } from '@tspyc/compiler';
import { corpusSelection } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';

function takeApart(co: CodeObject, target: Target): AsmInstruction[] {
  const table = opcodeTable(target);
  const code = co.code.value;
  // dis lists EXTENDED_ARG as an instruction of its own; the assembler makes its own prefixes
  const extended = table.number.get('EXTENDED_ARG');
  const ops = unpackOpargs(code, table).filter((o) => o.op !== extended);
  // an instruction starts at its first EXTENDED_ARG prefix
  const startOf: number[] = [];
  let prev = 0;
  for (const o of ops) {
    startOf.push(prev);
    prev = o.offset + 2 + 2 * table.cacheEntries[o.op]!;
  }
  const indexAt = new Map<number, number>();
  ops.forEach((o, i) => {
    for (let b = startOf[i]!; b <= o.offset; b += 2) indexAt.set(b, i);
  });
  const pos = positions(co.linetable.value, co.firstlineno, code.length / 2);
  const handlers = decodeExceptionTable(co.exceptiontable!.value);
  return ops.map((o, i) => {
    const to = o.arg === null ? null : jumpTarget(table, target.minor, o.op, o.arg, o.offset);
    const unit = startOf[i]! / 2;
    const h = handlers.find((e) => unit >= e.start && unit < e.end);
    return {
      opcode: o.op,
      oparg: o.arg ?? 0,
      jumpTarget: to === null ? null : indexAt.get(to)!,
      location: pos[unit]!,
      handler: h ? { target: indexAt.get(h.target * 2)!, depth: h.depth, lasti: h.lasti } : null,
    };
  });
}

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

describe.skipIf(!oracle('3.11'))('3.11 assembler', () => {
  it('reassembles CPython code objects byte for byte', () => {
    const entries = corpusSelection(stdlibPycs('3.11').entries, 150);
    let codes = 0;
    const bad: string[] = [];
    for (const e of entries) {
      const pyc = readPyc(readFileSync(e.pyc));
      const walk = (co: CodeObject) => {
        codes++;
        const out = assemble311(takeApart(co, pyc.target), co.firstlineno, pyc.target);
        const wrong = [
          same(out.code, co.code.value) ? '' : 'co_code',
          same(out.linetable, co.linetable.value) ? '' : 'co_linetable',
          same(out.exceptiontable, co.exceptiontable!.value) ? '' : 'co_exceptiontable',
        ].filter(Boolean);
        if (wrong.length) bad.push(`${e.src} ${co.coQualname}: ${wrong.join(', ')}`);
        for (const c of co.consts.items) if (c.kind === Kind.Code) walk(c);
      };
      walk(pyc.code);
    }
    console.log(`assembler: ${codes - bad.length}/${codes} code objects byte-identical (${entries.length} files)`);
    expect(bad.slice(0, 10)).toEqual([]);
  }, 600_000);
});
