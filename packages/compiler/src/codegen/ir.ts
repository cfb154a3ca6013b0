// The code generator's intermediate form (CPython 3.11 compile.c: struct instr, basicblock):
// instructions in basic blocks, jumps pointing at blocks, pseudo-opcodes the flow-graph passes
// later turn into real ones (SETUP_* and POP_BLOCK become exception-table entries, the
// direction-free jumps become their FORWARD/BACKWARD forms).
import { opcodeTable, targetForVersion } from '@tspyc/bytecode';

/** a source span; lineno -1 means "no location" (compile.c's UNSET_LOC / ADDOP_NOLINE) */
export interface Location {
  readonly lineno: number;
  readonly endLineno: number;
  readonly colOffset: number;
  readonly endColOffset: number;
}

// not frozen: a frozen object has a map of its own, and instructions' `loc` fields would then hold
// objects of two maps (Location's fields are readonly to TypeScript all the same)
export const NO_LOCATION: Location = { lineno: -1, endLineno: 0, colOffset: 0, endColOffset: 0 };

/** 3.11's real opcodes by name (Lib/opcode.py's opmap) */
const opmap = opcodeTable(targetForVersion('3.11')!).number;
function op(name: string): number {
  const n = opmap.get(name);
  if (n === undefined) throw new Error(`no opcode ${name} in 3.11`);
  return n;
}

// Pseudo-opcodes: numbered above 255 so they can never be mistaken for real ones.
export const SETUP_FINALLY = 256;
export const SETUP_CLEANUP = 257;
export const SETUP_WITH = 258;
export const POP_BLOCK = 259;
export const JUMP = 260;
export const JUMP_NO_INTERRUPT = 261;
export const POP_JUMP_IF_FALSE = 262;
export const POP_JUMP_IF_TRUE = 263;
export const POP_JUMP_IF_NONE = 264;
export const POP_JUMP_IF_NOT_NONE = 265;

export const PSEUDO_NAMES: Readonly<Record<number, string>> = {
  [SETUP_FINALLY]: 'SETUP_FINALLY',
  [SETUP_CLEANUP]: 'SETUP_CLEANUP',
  [SETUP_WITH]: 'SETUP_WITH',
  [POP_BLOCK]: 'POP_BLOCK',
  [JUMP]: 'JUMP',
  [JUMP_NO_INTERRUPT]: 'JUMP_NO_INTERRUPT',
  [POP_JUMP_IF_FALSE]: 'POP_JUMP_IF_FALSE',
  [POP_JUMP_IF_TRUE]: 'POP_JUMP_IF_TRUE',
  [POP_JUMP_IF_NONE]: 'POP_JUMP_IF_NONE',
  [POP_JUMP_IF_NOT_NONE]: 'POP_JUMP_IF_NOT_NONE',
};

/** the opcodes codegen emits, by their CPython names */
export const Op = {
  CACHE: op('CACHE'), POP_TOP: op('POP_TOP'), PUSH_NULL: op('PUSH_NULL'), NOP: op('NOP'),
  UNARY_POSITIVE: op('UNARY_POSITIVE'), UNARY_NEGATIVE: op('UNARY_NEGATIVE'), UNARY_NOT: op('UNARY_NOT'),
  UNARY_INVERT: op('UNARY_INVERT'), BINARY_SUBSCR: op('BINARY_SUBSCR'), GET_LEN: op('GET_LEN'),
  MATCH_MAPPING: op('MATCH_MAPPING'), MATCH_SEQUENCE: op('MATCH_SEQUENCE'), MATCH_KEYS: op('MATCH_KEYS'),
  PUSH_EXC_INFO: op('PUSH_EXC_INFO'), CHECK_EXC_MATCH: op('CHECK_EXC_MATCH'), CHECK_EG_MATCH: op('CHECK_EG_MATCH'),
  WITH_EXCEPT_START: op('WITH_EXCEPT_START'), GET_AITER: op('GET_AITER'), GET_ANEXT: op('GET_ANEXT'),
  BEFORE_ASYNC_WITH: op('BEFORE_ASYNC_WITH'), BEFORE_WITH: op('BEFORE_WITH'), END_ASYNC_FOR: op('END_ASYNC_FOR'),
  STORE_SUBSCR: op('STORE_SUBSCR'), DELETE_SUBSCR: op('DELETE_SUBSCR'), GET_ITER: op('GET_ITER'),
  GET_YIELD_FROM_ITER: op('GET_YIELD_FROM_ITER'), PRINT_EXPR: op('PRINT_EXPR'), LOAD_BUILD_CLASS: op('LOAD_BUILD_CLASS'),
  LOAD_ASSERTION_ERROR: op('LOAD_ASSERTION_ERROR'), RETURN_GENERATOR: op('RETURN_GENERATOR'),
  LIST_TO_TUPLE: op('LIST_TO_TUPLE'), RETURN_VALUE: op('RETURN_VALUE'), IMPORT_STAR: op('IMPORT_STAR'),
  SETUP_ANNOTATIONS: op('SETUP_ANNOTATIONS'), YIELD_VALUE: op('YIELD_VALUE'), ASYNC_GEN_WRAP: op('ASYNC_GEN_WRAP'),
  PREP_RERAISE_STAR: op('PREP_RERAISE_STAR'), POP_EXCEPT: op('POP_EXCEPT'), STORE_NAME: op('STORE_NAME'),
  DELETE_NAME: op('DELETE_NAME'), UNPACK_SEQUENCE: op('UNPACK_SEQUENCE'), FOR_ITER: op('FOR_ITER'),
  UNPACK_EX: op('UNPACK_EX'), STORE_ATTR: op('STORE_ATTR'), DELETE_ATTR: op('DELETE_ATTR'),
  STORE_GLOBAL: op('STORE_GLOBAL'), DELETE_GLOBAL: op('DELETE_GLOBAL'), SWAP: op('SWAP'),
  LOAD_CONST: op('LOAD_CONST'), LOAD_NAME: op('LOAD_NAME'), BUILD_TUPLE: op('BUILD_TUPLE'),
  BUILD_LIST: op('BUILD_LIST'), BUILD_SET: op('BUILD_SET'), BUILD_MAP: op('BUILD_MAP'), LOAD_ATTR: op('LOAD_ATTR'),
  COMPARE_OP: op('COMPARE_OP'), IMPORT_NAME: op('IMPORT_NAME'), IMPORT_FROM: op('IMPORT_FROM'),
  JUMP_FORWARD: op('JUMP_FORWARD'), JUMP_IF_FALSE_OR_POP: op('JUMP_IF_FALSE_OR_POP'),
  JUMP_IF_TRUE_OR_POP: op('JUMP_IF_TRUE_OR_POP'), POP_JUMP_FORWARD_IF_FALSE: op('POP_JUMP_FORWARD_IF_FALSE'),
  POP_JUMP_FORWARD_IF_TRUE: op('POP_JUMP_FORWARD_IF_TRUE'), LOAD_GLOBAL: op('LOAD_GLOBAL'), IS_OP: op('IS_OP'),
  CONTAINS_OP: op('CONTAINS_OP'), RERAISE: op('RERAISE'), COPY: op('COPY'), BINARY_OP: op('BINARY_OP'),
  SEND: op('SEND'), LOAD_FAST: op('LOAD_FAST'), STORE_FAST: op('STORE_FAST'), DELETE_FAST: op('DELETE_FAST'),
  POP_JUMP_FORWARD_IF_NOT_NONE: op('POP_JUMP_FORWARD_IF_NOT_NONE'), POP_JUMP_FORWARD_IF_NONE: op('POP_JUMP_FORWARD_IF_NONE'),
  RAISE_VARARGS: op('RAISE_VARARGS'), GET_AWAITABLE: op('GET_AWAITABLE'), MAKE_FUNCTION: op('MAKE_FUNCTION'),
  BUILD_SLICE: op('BUILD_SLICE'), JUMP_BACKWARD_NO_INTERRUPT: op('JUMP_BACKWARD_NO_INTERRUPT'),
  MAKE_CELL: op('MAKE_CELL'), LOAD_CLOSURE: op('LOAD_CLOSURE'), LOAD_DEREF: op('LOAD_DEREF'),
  STORE_DEREF: op('STORE_DEREF'), DELETE_DEREF: op('DELETE_DEREF'), JUMP_BACKWARD: op('JUMP_BACKWARD'),
  CALL_FUNCTION_EX: op('CALL_FUNCTION_EX'), EXTENDED_ARG: op('EXTENDED_ARG'), LIST_APPEND: op('LIST_APPEND'),
  SET_ADD: op('SET_ADD'), MAP_ADD: op('MAP_ADD'), LOAD_CLASSDEREF: op('LOAD_CLASSDEREF'),
  COPY_FREE_VARS: op('COPY_FREE_VARS'), RESUME: op('RESUME'), MATCH_CLASS: op('MATCH_CLASS'),
  FORMAT_VALUE: op('FORMAT_VALUE'), BUILD_CONST_KEY_MAP: op('BUILD_CONST_KEY_MAP'), BUILD_STRING: op('BUILD_STRING'),
  LOAD_METHOD: op('LOAD_METHOD'), LIST_EXTEND: op('LIST_EXTEND'), SET_UPDATE: op('SET_UPDATE'),
  DICT_MERGE: op('DICT_MERGE'), DICT_UPDATE: op('DICT_UPDATE'), PRECALL: op('PRECALL'), CALL: op('CALL'),
  KW_NAMES: op('KW_NAMES'), POP_JUMP_BACKWARD_IF_NOT_NONE: op('POP_JUMP_BACKWARD_IF_NOT_NONE'),
  POP_JUMP_BACKWARD_IF_NONE: op('POP_JUMP_BACKWARD_IF_NONE'), POP_JUMP_BACKWARD_IF_FALSE: op('POP_JUMP_BACKWARD_IF_FALSE'),
  POP_JUMP_BACKWARD_IF_TRUE: op('POP_JUMP_BACKWARD_IF_TRUE'),
} as const;

/** the name of a real or pseudo opcode, for messages and debugging */
export function opName(opcode: number): string {
  return PSEUDO_NAMES[opcode] ?? opcodeTable(targetForVersion('3.11')!).name[opcode] ?? `<${opcode}>`;
}

export interface Instr {
  opcode: number;
  oparg: number;
  /** for jumps and SETUP_*: the block jumped to */
  target: BasicBlock | null;
  loc: Location;
  /** i_except: the handler label_exception_targets found for this instruction (every product site sets it to null at creation, keeping one object shape) */
  except?: BasicBlock | null;
}

/**
 * A copy of an instruction with the shape every other Instr has (an object spread makes an object
 * of another hidden class, and the flow-graph passes then see two where one was monomorphic).
 */
export function copyInstr(i: Instr): Instr {
  return { opcode: i.opcode, oparg: i.oparg, target: i.target, loc: i.loc, except: i.except ?? null };
}

let nextBlockId = 0;

export class BasicBlock {
  readonly id = nextBlockId++;
  instrs: Instr[] = [];
  /** b_next: the block that follows in layout order (fall-through) */
  next: BasicBlock | null = null;
  // analysis state of the flow-graph passes (b_predecessors, b_startdepth, …)
  predecessors = 0;
  startDepth = -1;
  visited = false;
  /** b_except_handler: the target of a SETUP_* */
  exceptHandler = false;
  /** b_preserve_lasti: a SETUP_CLEANUP / SETUP_WITH target */
  preserveLasti = false;
  /** the index of the block's first instruction once laid out (linearize) */
  offset = -1;
  /** b_exceptstack: the handlers active where label_exception_targets reaches the block */
  exceptStack: (BasicBlock | null)[] | null = null;

  get last(): Instr | undefined {
    // an empty block must not read index -1: that is a property lookup by name, through the
    // array's prototypes, which made this getter's element load megamorphic
    const n = this.instrs.length;
    return n > 0 ? this.instrs[n - 1] : undefined;
  }
}
