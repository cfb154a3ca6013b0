// Constants whose strings the compiler took from identifiers rather than from string literals,
// found from the code object's own bytecode. Such strings are the parser's interned objects
// (which matters for non-ASCII names, which all_name_chars would not intern):
// - the kwnames tuple of a call (KW_NAMES k in 3.11/3.12; LOAD_CONST k; CALL_KW in 3.13),
// - the fromlist tuple of `from m import a, b` (LOAD_CONST k; IMPORT_NAME),
// - the keyword attribute names of a class pattern (LOAD_CONST k; MATCH_CLASS),
// - 3.13's `__static_attributes__` tuple (LOAD_CONST k; STORE_NAME __static_attributes__),
// - the key of a module or class annotation (LOAD_NAME __annotations__; LOAD_CONST k; STORE_SUBSCR),
// and, in a class body, the `__qualname__` constant (LOAD_CONST k; STORE_NAME __qualname__), which
// is the very object that becomes the class body's co_qualname.
// CPython counterparts: compile.c's compiler_call_simple_kw_helper, compiler_from_import,
// compiler_pattern_class, compiler_annassign, compiler_class.
// Not recognised (they only matter for non-ASCII names, which all_name_chars does not intern):
// parameter names in function annotation tuples, keyword-only default keys, and the key tuple of
// BUILD_CONST_KEY_MAP in a call with `**`.
import type { CodeObject } from '../../code-object.js';
import { opcodeTable } from '../../opcodes/index.js';
import type { Target } from '../../target.js';
import { Kind } from '../../values.js';

export interface IdentifierConsts {
  /** co_consts indices of identifier strs, or of tuples (or None) whose str items are identifiers */
  fromIdentifiers: Set<number>;
  /** co_consts index of a class body's __qualname__ constant, or -1 */
  qualnameConst: number;
}

interface Ops {
  LOAD_CONST: number;
  KW_NAMES: number;
  CALL_KW: number;
  IMPORT_NAME: number;
  STORE_NAME: number;
  LOAD_NAME: number;
  MATCH_CLASS: number;
  STORE_SUBSCR: number;
  EXTENDED_ARG: number;
  CACHE: number;
}

const opsByTarget = new Map<Target, Ops>();

function opsOf(target: Target): Ops {
  let ops = opsByTarget.get(target);
  if (!ops) {
    const table = opcodeTable(target);
    const op = (name: string) => table.number.get(name) ?? -1;
    ops = {
      LOAD_CONST: op('LOAD_CONST'), KW_NAMES: op('KW_NAMES'), CALL_KW: op('CALL_KW'), IMPORT_NAME: op('IMPORT_NAME'),
      STORE_NAME: op('STORE_NAME'), LOAD_NAME: op('LOAD_NAME'), MATCH_CLASS: op('MATCH_CLASS'), STORE_SUBSCR: op('STORE_SUBSCR'),
      EXTENDED_ARG: table.extendedArg, CACHE: table.cache,
    };
    opsByTarget.set(target, ops);
  }
  return ops;
}

export function identifierConsts(code: CodeObject, target: Target): IdentifierConsts {
  const { LOAD_CONST, KW_NAMES, CALL_KW, IMPORT_NAME, STORE_NAME, LOAD_NAME, MATCH_CLASS, STORE_SUBSCR, EXTENDED_ARG, CACHE } = opsOf(target);
  const nameIs = (arg: number, value: string) => {
    const name = code.names.items[arg];
    return name?.kind === Kind.Str && name.value === value;
  };
  const out: IdentifierConsts = { fromIdentifiers: new Set(), qualnameConst: -1 };
  // only a str or tuple constant can be one: without any, the bytecode need not be read
  if (!code.consts.items.some((c) => c.kind === Kind.Str || c.kind === Kind.Tuple)) return out;
  const bytes = code.code.value;
  let ext = 0;
  let lastLoadConst = -1;
  let annotationsLoaded = false;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const opcode = bytes[i]!;
    const arg = bytes[i + 1]! | ext;
    if (opcode === EXTENDED_ARG) {
      ext = arg << 8;
      continue;
    }
    ext = 0;
    if (opcode === CACHE) continue;
    if (opcode === KW_NAMES) out.fromIdentifiers.add(arg);
    else if ((opcode === IMPORT_NAME || opcode === CALL_KW || opcode === MATCH_CLASS) && lastLoadConst >= 0) {
      out.fromIdentifiers.add(lastLoadConst);
    } else if (opcode === STORE_SUBSCR && annotationsLoaded && lastLoadConst >= 0) {
      out.fromIdentifiers.add(lastLoadConst);
    } else if (opcode === STORE_NAME && lastLoadConst >= 0) {
      if (nameIs(arg, '__static_attributes__')) out.fromIdentifiers.add(lastLoadConst);
      else if (nameIs(arg, '__qualname__') && out.qualnameConst < 0 && code.consts.items[lastLoadConst]?.kind === Kind.Str) {
        out.qualnameConst = lastLoadConst;
      }
    }
    // LOAD_NAME __annotations__ directly before the key's LOAD_CONST
    annotationsLoaded = opcode === LOAD_NAME ? nameIs(arg, '__annotations__') : opcode === LOAD_CONST && annotationsLoaded;
    lastLoadConst = opcode === LOAD_CONST ? arg : -1;
  }
  return out;
}
