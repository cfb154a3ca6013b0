// A readable listing of a control-flow graph (blocks in layout order, with their instructions,
// targets and locations), for debugging the passes and the code generator.
import type { BasicBlock, Location } from '../ir.js';
import { opName } from '../ir.js';

const loc = (l: Location) => (l.lineno < 0 ? `-(${l.endLineno},${l.colOffset},${l.endColOffset})` : `${l.lineno},${l.endLineno},${l.colOffset},${l.endColOffset}`);

export function dumpCfg(entry: BasicBlock): string {
  const lines: string[] = [];
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    lines.push(`block ${b.id}${b.predecessors ? ` preds=${b.predecessors}` : ''}${b.startDepth >= 0 ? ` depth=${b.startDepth}` : ''}:`);
    for (const i of b.instrs) lines.push(`    ${opName(i.opcode).padEnd(26)} ${String(i.oparg).padEnd(5)} ${i.target ? `→ ${i.target.id}`.padEnd(8) : ''.padEnd(8)} ${loc(i.loc)}`);
  }
  return lines.join('\n');
}
