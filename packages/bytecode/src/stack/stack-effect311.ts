// The stack effect of a 3.11 instruction (Python/compile.c stack_effect, as dis.stack_effect
// reports it): the change in stack depth, on the jump path (`jump` true), the fall-through path
// (false), or the larger of the two (null). Undefined for an opcode 3.11 does not have.

const FVS_MASK = 0x4;
const FVS_HAVE_SPEC = 0x4;

export function stackEffect311(name: string, oparg: number, jump: boolean | null): number | undefined {
  switch (name) {
    case 'NOP':
    case 'EXTENDED_ARG':
    case 'RESUME':
    case 'CACHE':
      return 0;
    case 'POP_TOP':
      return -1;
    case 'SWAP':
      return 0;
    case 'UNARY_POSITIVE':
    case 'UNARY_NEGATIVE':
    case 'UNARY_NOT':
    case 'UNARY_INVERT':
      return 0;
    case 'SET_ADD':
    case 'LIST_APPEND':
      return -1;
    case 'MAP_ADD':
      return -2;
    case 'BINARY_SUBSCR':
      return -1;
    case 'STORE_SUBSCR':
      return -3;
    case 'DELETE_SUBSCR':
      return -2;
    case 'GET_ITER':
      return 0;
    case 'PRINT_EXPR':
      return -1;
    case 'LOAD_BUILD_CLASS':
      return 1;
    case 'RETURN_VALUE':
      return -1;
    case 'IMPORT_STAR':
      return -1;
    case 'SETUP_ANNOTATIONS':
      return 0;
    case 'ASYNC_GEN_WRAP':
    case 'YIELD_VALUE':
      return 0;
    case 'POP_EXCEPT':
      return -1;
    case 'STORE_NAME':
      return -1;
    case 'DELETE_NAME':
      return 0;
    case 'UNPACK_SEQUENCE':
      return oparg - 1;
    case 'UNPACK_EX':
      return (oparg & 0xff) + (oparg >> 8);
    case 'FOR_ITER':
      // the iterator stays and the next value comes; on exhaustion (the jump) the iterator goes
      return jump === true ? -1 : 1;
    case 'SEND':
      return jump === true ? -1 : 0;
    case 'STORE_ATTR':
      return -2;
    case 'DELETE_ATTR':
      return -1;
    case 'STORE_GLOBAL':
      return -1;
    case 'DELETE_GLOBAL':
      return 0;
    case 'LOAD_CONST':
      return 1;
    case 'LOAD_NAME':
      return 1;
    case 'BUILD_TUPLE':
    case 'BUILD_LIST':
    case 'BUILD_SET':
    case 'BUILD_STRING':
      return 1 - oparg;
    case 'BUILD_MAP':
      return 1 - 2 * oparg;
    case 'BUILD_CONST_KEY_MAP':
      return -oparg;
    case 'LOAD_ATTR':
      return 0;
    case 'COMPARE_OP':
    case 'IS_OP':
    case 'CONTAINS_OP':
      return -1;
    case 'CHECK_EXC_MATCH':
      return 0;
    case 'CHECK_EG_MATCH':
      return 0;
    case 'IMPORT_NAME':
      return -1;
    case 'IMPORT_FROM':
      return 1;
    case 'JUMP_FORWARD':
    case 'JUMP_BACKWARD':
    case 'JUMP_BACKWARD_NO_INTERRUPT':
      return 0;
    case 'JUMP_IF_TRUE_OR_POP':
    case 'JUMP_IF_FALSE_OR_POP':
      return jump === null ? 0 : jump ? 0 : -1;
    case 'POP_JUMP_BACKWARD_IF_NONE':
    case 'POP_JUMP_FORWARD_IF_NONE':
    case 'POP_JUMP_BACKWARD_IF_NOT_NONE':
    case 'POP_JUMP_FORWARD_IF_NOT_NONE':
    case 'POP_JUMP_FORWARD_IF_FALSE':
    case 'POP_JUMP_BACKWARD_IF_FALSE':
    case 'POP_JUMP_FORWARD_IF_TRUE':
    case 'POP_JUMP_BACKWARD_IF_TRUE':
      return -1;
    case 'LOAD_GLOBAL':
      return (oparg & 1) + 1;
    case 'LOAD_FAST':
      return 1;
    case 'STORE_FAST':
      return -1;
    case 'DELETE_FAST':
      return 0;
    case 'RETURN_GENERATOR':
      return 0;
    case 'RAISE_VARARGS':
      return -oparg;
    case 'KW_NAMES':
      return 0;
    case 'CALL':
      return -1;
    case 'PRECALL':
      return -oparg;
    case 'CALL_FUNCTION_EX':
      return -2 - (oparg & 1);
    case 'MAKE_FUNCTION':
      return -((oparg & 1) !== 0 ? 1 : 0) - ((oparg & 2) !== 0 ? 1 : 0) - ((oparg & 4) !== 0 ? 1 : 0) - ((oparg & 8) !== 0 ? 1 : 0);
    case 'BUILD_SLICE':
      return oparg === 3 ? -2 : -1;
    case 'MAKE_CELL':
    case 'COPY_FREE_VARS':
      return 0;
    case 'LOAD_CLOSURE':
      return 1;
    case 'LOAD_DEREF':
    case 'LOAD_CLASSDEREF':
      return 1;
    case 'STORE_DEREF':
      return -1;
    case 'DELETE_DEREF':
      return 0;
    case 'GET_AWAITABLE':
      return 0;
    case 'BEFORE_ASYNC_WITH':
    case 'BEFORE_WITH':
      return 1;
    case 'GET_AITER':
      return 0;
    case 'GET_ANEXT':
      return 1;
    case 'GET_YIELD_FROM_ITER':
      return 0;
    case 'END_ASYNC_FOR':
      return -2;
    case 'FORMAT_VALUE':
      // a format spec is popped
      return (oparg & FVS_MASK) === FVS_HAVE_SPEC ? -1 : 0;
    case 'LOAD_METHOD':
      return 1;
    case 'LOAD_ASSERTION_ERROR':
      return 1;
    case 'LIST_TO_TUPLE':
      return 0;
    case 'LIST_EXTEND':
    case 'SET_UPDATE':
    case 'DICT_MERGE':
    case 'DICT_UPDATE':
      return -1;
    case 'MATCH_CLASS':
      return -2;
    case 'GET_LEN':
    case 'MATCH_MAPPING':
    case 'MATCH_SEQUENCE':
    case 'MATCH_KEYS':
      return 1;
    case 'COPY':
    case 'PUSH_NULL':
      return 1;
    case 'BINARY_OP':
      return -1;
    case 'PUSH_EXC_INFO':
      return 1;
    case 'WITH_EXCEPT_START':
      return 1;
    case 'PREP_RERAISE_STAR':
      return -1;
    case 'RERAISE':
      return -1;
    default:
      return undefined;
  }
}
