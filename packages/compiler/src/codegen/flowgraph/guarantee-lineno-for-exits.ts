// compile.c guarantee_lineno_for_exits: a return still without a line number gets the line of the
// last located block before it in layout order (only the line: columns stay absent).
import type { BasicBlock } from '../ir.js';
import { Op } from '../ir.js';

export function guaranteeLinenoForExits(entry: BasicBlock, firstlineno: number): void {
  let lineno = firstlineno;
  for (let b: BasicBlock | null = entry; b !== null; b = b.next) {
    const last = b.last;
    if (last === undefined) continue;
    if (last.loc.lineno < 0) {
      if (last.opcode === Op.RETURN_VALUE) {
        // (spelled out rather than spread: Location's one shape)
        for (const i of b.instrs) i.loc = { lineno, endLineno: i.loc.endLineno, colOffset: i.loc.colOffset, endColOffset: i.loc.endColOffset };
      }
    } else {
      lineno = last.loc.lineno;
    }
  }
}
