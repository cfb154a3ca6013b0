// compile.c trim_unused_consts: constants after the last one an instruction uses are dropped (the
// first is kept: it may be the docstring). The highest index used is found by linearize, which
// walks every instruction anyway (no pass between the two adds or drops a LOAD_CONST).
import type { PyValue } from '@tspyc/bytecode';

/** `maxConstIndex`: the highest index a LOAD_CONST or KW_NAMES uses (0 if none) */
export function trimUnusedConsts(consts: readonly PyValue[], maxConstIndex: number): PyValue[] {
  return consts.slice(0, maxConstIndex + 1);
}
