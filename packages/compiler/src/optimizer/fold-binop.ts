// fold_binop: a binary operation on two constants is computed at compile time, through the safe_*
// guards for *, **, << and %; an operation that raises is left for run time; @ is never folded.
// `str % tuple-display` may become an f-string instead (optimize_format).
import { Kind, type PyValue } from '@tspyc/bytecode';
import type { BinOp } from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import { makeConst } from './make-const.js';
import { numberBinaryOp } from './number-protocol.js';
import { optimizeFormat } from './optimize-format.js';
import { safeLShift, safeMod, safeMultiply, safePower } from './safe-ops.js';
import { sequenceConcat } from './sequence-ops.js';

function binaryValue(op: BinOp['op']['_type'], lv: PyValue, rv: PyValue): PyValue | null {
  switch (op) {
    case 'Add': return numberBinaryOp('Add', lv, rv) ?? sequenceConcat(lv, rv);
    case 'Mult': return safeMultiply(lv, rv);
    case 'Mod': return safeMod(lv, rv);
    case 'Pow': return safePower(lv, rv);
    case 'LShift': return safeLShift(lv, rv);
    case 'MatMult': return null; // no constant implements it
    default: return numberBinaryOp(op, lv, rv);
  }
}

export function foldBinOp(node: BinOp): void {
  const lhs = node.left;
  const rhs = node.right;
  if (lhs._kind !== NodeKind.Constant) return;
  const lv = lhs.value;
  if (node.op._kind === NodeKind.Mod && rhs._kind === NodeKind.Tuple && lv.kind === Kind.Str && !rhs.elts.some((e) => e._kind === NodeKind.Starred)) {
    optimizeFormat(node, lv.value, rhs.elts);
    return;
  }
  if (rhs._kind !== NodeKind.Constant) return;
  makeConst(node, binaryValue(node.op._type, lv, rhs.value));
}
