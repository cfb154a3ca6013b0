// compiler_pattern_or: each alternative matched against its own copy of the subject with a fresh
// context; every alternative must bind the names the first one binds, and their values are
// rotated on the stack into the first one's order before all jump to the common end.
import type * as N from '../../ast/index.js';
import type { Compiler } from '../compiler.js';
import { JUMP, Op } from '../ir.js';
import { emitAndResetFailPop, errorDuplicateStore, jumpToFailPop, patternHelperRotate, type PatternContext } from './context.js';
import { compilePattern } from './pattern.js';

export function compilePatternOr(c: Compiler, p: N.MatchOr, pc: PatternContext): void {
  const end = c.newBlock();
  const size = p.patterns.length;
  // pc is reused for each alternative; keep the original
  const old: PatternContext = { ...pc };
  // the names the first alternative binds: the others must bind the same, in this order
  let control: string[] | null = null;
  for (let i = 0; i < size; i++) {
    const alt = p.patterns[i]!;
    c.setLoc(alt);
    pc.stores = [];
    // an irrefutable alternative must be last, if allowed at all
    pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
    pc.failPop = [];
    pc.onTop = 0;
    c.addopI(Op.COPY, 1);
    compilePattern(c, alt, pc);
    const nstores = pc.stores.length;
    if (control === null) {
      control = pc.stores;
    } else if (nstores !== control.length) {
      throw c.error('alternative patterns bind different names');
    } else if (nstores) {
      // reorder the values on the stack to control's order
      let icontrol = nstores;
      while (icontrol--) {
        const name = control[icontrol]!;
        const istores = pc.stores.indexOf(name);
        if (istores < 0) throw c.error('alternative patterns bind different names');
        if (icontrol !== istores) {
          // rotated = stores[:rotations]; del stores[:rotations];
          // stores[icontrol-istores:icontrol-istores] = rotated — and the same on the stack
          const rotations = istores + 1;
          const rotated = pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          for (let r = 0; r < rotations; r++) patternHelperRotate(c, icontrol + 1);
        }
      }
    }
    c.addopJ(JUMP, end);
    emitAndResetFailPop(c, pc);
  }
  Object.assign(pc, old);
  // no alternative matched: pop the remaining copy of the subject and fail
  c.addop(Op.POP_TOP);
  jumpToFailPop(c, pc, JUMP);
  c.useNextBlock(end);
  const names = control!;
  const nstores = names.length;
  // between the new captures and their place: the other captures, the subject's copy, whatever
  // else is on top, and the captures made before this pattern
  const nrots = nstores + 1 + pc.onTop + pc.stores.length;
  for (let i = 0; i < nstores; i++) {
    patternHelperRotate(c, nrots);
    const name = names[i]!;
    if (pc.stores.includes(name)) throw errorDuplicateStore(c, name);
    pc.stores.push(name);
  }
  // pop the copy of the subject
  c.addop(Op.POP_TOP);
}
