// fold_unaryop: -, +, ~ and `not` of a constant are computed; `not` of a single is / is not / in /
// not in comparison becomes the opposite comparison (the others cannot be inverted safely:
// __eq__ and __ne__ need not agree, < and > are subset tests on sets).
import { Kind, PyBool, PyComplex, PyFloat, PyInt, type PyValue } from '@tspyc/bytecode';
import type { UnaryOp, cmpop } from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import * as A from '../ast/generated/factory311.js';
import { copyNode, makeConst } from './make-const.js';
import { intValue, isInt } from './number-protocol.js';

// the parser's shared operator singletons, so the new op carries its _kind too
const INVERTED: Partial<Record<cmpop['_type'], cmpop>> = { Is: A.IsNot, IsNot: A.Is, In: A.NotIn, NotIn: A.In };

/** PyObject_IsTrue for constants */
export function isTrue(v: PyValue): boolean {
  switch (v.kind) {
    case Kind.None: return false;
    case Kind.Bool: return v.value;
    case Kind.Int: return v.value !== 0n;
    case Kind.Float: return v.value !== 0; // NaN is true
    case Kind.Complex: return v.real !== 0 || v.imag !== 0;
    case Kind.Str: return v.value.length > 0;
    case Kind.Bytes: return v.value.length > 0;
    case Kind.Tuple:
    case Kind.List:
    case Kind.Set:
    case Kind.FrozenSet: return v.items.length > 0;
    case Kind.Dict: return v.keys.length > 0;
    default: return true;
  }
}

function unaryValue(op: UnaryOp['op']['_type'], v: PyValue): PyValue | null {
  if (op === 'Not') return PyBool.of(!isTrue(v));
  if (isInt(v)) {
    const n = intValue(v);
    return new PyInt(op === 'USub' ? -n : op === 'UAdd' ? n : -n - 1n);
  }
  if (v.kind === Kind.Float && op !== 'Invert') return op === 'USub' ? new PyFloat(-v.value) : v;
  if (v.kind === Kind.Complex && op !== 'Invert') return op === 'USub' ? new PyComplex(-v.real, -v.imag) : v;
  return null; // TypeError: bad operand type for unary op
}

export function foldUnaryOp(node: UnaryOp): void {
  const arg = node.operand;
  if (arg._kind !== NodeKind.Constant) {
    if (node.op._kind === NodeKind.Not && arg._kind === NodeKind.Compare && arg.ops.length === 1) {
      const op = INVERTED[arg.ops[0]!._type];
      if (op) {
        arg.ops[0] = op;
        copyNode(node, arg);
      }
    }
    return;
  }
  makeConst(node, unaryValue(node.op._type, arg.value));
}
