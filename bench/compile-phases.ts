// In-process phases of compiling the 3.11 stdlib, as `tspyc compile` does per file: parse, the back
// end (AST optimizer, symtable, codegen, flow graph, assembler), CPython's reference pattern, and
// marshal + pyc header. Sources read once beforehand; best of N rounds per phase. Times are this
// thread's CPU time (process.cpuUsage), which a busy machine disturbs less than the wall clock.
//   npx tsx bench/compile-phases.ts [--rounds 3] [--limit N]
import { readFileSync } from 'node:fs';
// (the built packages, as users run them; the bytecode package by name, the one codegen's types name)
import { dumps, canonicalizeRefs, targetForVersion, marshalOptionsFor, type CodeObject } from '@tspyc/bytecode';
import { parse } from '../packages/compiler/dist/index.js';
import { codegenModule } from '../packages/compiler/dist/codegen/index.js';
import { stdlibFiles } from '../tools/corpus.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rounds = Number(arg('--rounds') ?? 3);
const limit = Number(arg('--limit') ?? Infinity);
const target = targetForVersion('3.11')!;
const files = stdlibFiles('3.11').slice(0, limit);
const sources = files.map((f) => new Uint8Array(readFileSync(f)));

/** user + system CPU time of the process in ms (the compile is single-threaded) */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const best = { parse: Infinity, backend: Infinity, refs: Infinity, marshal: Infinity, total: Infinity };
let compiled = 0;
for (let r = 0; r < rounds; r++) {
  const t = { parse: 0, backend: 0, refs: 0, marshal: 0 };
  compiled = 0;
  let bytes = 0;
  for (let i = 0; i < files.length; i++) {
    const t0 = cpuMs();
    let mod;
    try {
      mod = parse(sources[i]!, { filename: files[i]!, mode: 'exec', target });
    } catch {
      continue;
    }
    const t1 = cpuMs();
    let co: CodeObject;
    try {
      co = codegenModule(mod, { filename: files[i]!, optimize: 0, target, source: sources[i]! });
    } catch {
      continue;
    }
    const t2 = cpuMs();
    co = canonicalizeRefs(co, { target });
    const t3 = cpuMs();
    co.ref = true;
    bytes += dumps(co, marshalOptionsFor(target)).length;
    const t4 = cpuMs();
    t.parse += t1 - t0;
    t.backend += t2 - t1;
    t.refs += t3 - t2;
    t.marshal += t4 - t3;
    compiled++;
  }
  const total = t.parse + t.backend + t.refs + t.marshal;
  console.log(`round ${r}: ${compiled} files, ${bytes} bytes  parse ${t.parse.toFixed(0)} ms  backend ${t.backend.toFixed(0)} ms  refs ${t.refs.toFixed(0)} ms  marshal ${t.marshal.toFixed(0)} ms  total ${total.toFixed(0)} ms`);
  for (const k of ['parse', 'backend', 'refs', 'marshal'] as const) best[k] = Math.min(best[k], t[k]);
  best.total = Math.min(best.total, total);
}
console.log(`best of ${rounds}: parse ${best.parse.toFixed(0)}  backend ${best.backend.toFixed(0)}  refs ${best.refs.toFixed(0)}  marshal ${best.marshal.toFixed(0)}  total ${best.total.toFixed(0)} ms`);
