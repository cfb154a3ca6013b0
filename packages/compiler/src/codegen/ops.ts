// Operator → oparg tables (compile.c: binop / unaryop / compiler_addcompare).
import { Op } from './ir.js';

/** BINARY_OP's NB_* argument for each operator node (the in-place form is +13) */
export const NB: Readonly<Record<string, number>> = {
  Add: 0, BitAnd: 1, FloorDiv: 2, LShift: 3, MatMult: 4, Mult: 5, Mod: 6, BitOr: 7, Pow: 8, RShift: 9, Sub: 10, Div: 11, BitXor: 12,
};
export const NB_INPLACE = 13;

export const UNARY: Readonly<Record<string, number>> = {
  Invert: Op.UNARY_INVERT, Not: Op.UNARY_NOT, UAdd: Op.UNARY_POSITIVE, USub: Op.UNARY_NEGATIVE,
};

/** [opcode, oparg] for a comparison operator */
export const COMPARE: Readonly<Record<string, readonly [number, number]>> = {
  Lt: [Op.COMPARE_OP, 0], LtE: [Op.COMPARE_OP, 1], Eq: [Op.COMPARE_OP, 2], NotEq: [Op.COMPARE_OP, 3], Gt: [Op.COMPARE_OP, 4], GtE: [Op.COMPARE_OP, 5],
  Is: [Op.IS_OP, 0], IsNot: [Op.IS_OP, 1], In: [Op.CONTAINS_OP, 0], NotIn: [Op.CONTAINS_OP, 1],
};

/** STACK_USE_GUIDELINE: above this many items, collections and calls are built incrementally */
export const STACK_USE_GUIDELINE = 30;
