// Our 3.11 code objects against python3.11's, code object by code object, over the stdlib pycs:
// counts of identical ones, which fields differ, and for the first few differences the two
// instruction listings side by side from the first differing instruction. A working tool for
// finding differences (run: npx tsx tools/codegen-diff.ts [N files | path substring] [examples]).
import { readFileSync } from 'node:fs';
import { getInstructions, Kind, positions, readPyc, type CodeObject, type Target } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';
import { sample } from './corpus.js';
import { stdlibPycs } from './pyc-corpus.js';

const arg = process.argv[2] ?? '200';
const examples = Number(process.argv[3] ?? '5');
/** only show differences whose fields include this one (e.g. code) */
const only = process.argv[4];
/** skip differences whose first differing line (ours) matches this pattern */
const skip = process.argv[5] ? new RegExp(process.argv[5]) : null;
const all = stdlibPycs('3.11').entries;
const entries = /^\d+$/.test(arg) ? sample(all, Number(arg)) : all.filter((e) => e.src.includes(arg));

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function listing(co: CodeObject, target: Target): string[] {
  const pos = positions(co.linetable.value, co.firstlineno, co.code.value.length / 2);
  return getInstructions(co, target).map((i) => {
    const p = pos[i.offset / 2]!;
    return `${String(i.offset).padStart(4)} ${i.opname.padEnd(26)} ${(i.jumpTarget !== null ? `to ${i.jumpTarget}` : i.argrepr).slice(0, 24).padEnd(24)} ${p.line},${p.endLine},${p.col},${p.endCol}`;
  });
}

const counts = new Map<string, number>();
let codes = 0;
let same = 0;
let failed = 0;
let shown = 0;
// given identical co_code: do the passes' other products agree?
const sameCode = { n: 0, exceptiontable: 0, stacksize: 0, linetable: 0 };
for (const e of entries) {
  const pyc = readPyc(readFileSync(e.pyc));
  let ours: CodeObject;
  try {
    ours = compileSource(readFileSync(e.src), e.src);
  } catch (err) {
    failed++;
    if (shown++ < examples) console.log(`${e.src}: ${(err as Error).message.split('\n')[0]}`);
    continue;
  }
  const walk = (a: CodeObject, b: CodeObject) => {
    codes++;
    const diffs: string[] = [];
    if (hex(a.code.value) !== hex(b.code.value)) diffs.push('code');
    if (hex(a.linetable.value) !== hex(b.linetable.value)) diffs.push('linetable');
    if (hex(a.exceptiontable!.value) !== hex(b.exceptiontable!.value)) diffs.push('exceptiontable');
    if (a.stacksize !== b.stacksize) diffs.push('stacksize');
    if (a.consts.items.length !== b.consts.items.length) diffs.push('consts');
    if (a.firstlineno !== b.firstlineno) diffs.push('firstlineno');
    if (!diffs.includes('code')) {
      sameCode.n++;
      if (!diffs.includes('exceptiontable')) sameCode.exceptiontable++;
      if (!diffs.includes('stacksize')) sameCode.stacksize++;
      if (!diffs.includes('linetable')) sameCode.linetable++;
    }
    if (diffs.length === 0) same++;
    else {
      const key = diffs.join('+');
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if ((!only || diffs.includes(only)) && shown < examples) {
        const la = listing(a, pyc.target);
        const lb = listing(b, pyc.target);
        // the first instruction that differs: by opcode and argument when co_code differs, else by position
        const cut = (l: string) => (diffs.includes('code') ? l.slice(0, 56) : l);
        let k = 0;
        while (k < la.length && la[k] !== undefined && lb[k] !== undefined && cut(la[k]!) === cut(lb[k]!)) k++;
        if (!skip || !(skip.test(la[k] ?? '') || skip.test(lb[k] ?? '') || (la[k] === undefined && lb[k] === undefined))) {
          shown++;
          console.log(`\n=== ${e.src} ${b.coQualname}: ${key} (stack ${a.stacksize} vs ${b.stacksize})`);
          for (let j = Math.max(0, k - 3); j < Math.min(Math.max(la.length, lb.length), k + 12); j++) {
            console.log(`${(la[j] ?? '').padEnd(80)} | ${lb[j] ?? ''}`);
          }
        }
      }
    }
    const ca = a.consts.items.filter((c): c is CodeObject => c.kind === Kind.Code);
    const cb = b.consts.items.filter((c): c is CodeObject => c.kind === Kind.Code);
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) walk(ca[i]!, cb[i]!);
  };
  walk(ours, pyc.code);
}
console.log(`\n${same}/${codes} code objects identical in ${entries.length} files (${failed} files failed to compile)`);
console.log(`of ${sameCode.n} with identical co_code: ${sameCode.exceptiontable} same co_exceptiontable, ${sameCode.stacksize} same co_stacksize, ${sameCode.linetable} same co_linetable`);
for (const [k, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${n} ${k}`);
