// Constants whose strings the compiler took from identifiers rather than from string literals,
// found from the code object's own bytecode. Such strings are the parser's interned objects
// (which matters for non-ASCII names, which all_name_chars would not intern):
// - the kwnames tuple of a call (KW_NAMES k in 3.11/3.12; LOAD_CONST k; CALL_KW in 3.13),
// - the fromlist tuple of `from m import a, b` (LOAD_CONST k; IMPORT_NAME),
// and, in a class body, the `__qualname__` constant (LOAD_CONST k; STORE_NAME __qualname__), which
// is the very object that becomes the class body's co_qualname.
// CPython counterparts: compile.c's compiler_call_simple_kw_helper, compiler_from_import,
// compiler_class.
import type { CodeObject } from '../../code-object.js';
import { opcodeTable } from '../../opcodes/index.js';
import type { Target } from '../../target.js';
import { Kind } from '../../values.js';

export interface IdentifierConsts {
  /** co_consts indices of tuples (or None) whose str items are identifiers */
  identifierTuples: Set<number>;
  /** co_consts index of a class body's __qualname__ constant, or -1 */
  qualnameConst: number;
}

export function identifierConsts(code: CodeObject, target: Target): IdentifierConsts {
  const table = opcodeTable(target);
  const op = (name: string) => table.number.get(name) ?? -1;
  const LOAD_CONST = op('LOAD_CONST');
  const KW_NAMES = op('KW_NAMES');
  const CALL_KW = op('CALL_KW');
  const IMPORT_NAME = op('IMPORT_NAME');
  const STORE_NAME = op('STORE_NAME');
  const out: IdentifierConsts = { identifierTuples: new Set(), qualnameConst: -1 };
  const bytes = code.code.value;
  let ext = 0;
  let lastLoadConst = -1;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const opcode = bytes[i]!;
    const arg = bytes[i + 1]! | ext;
    if (opcode === table.extendedArg) {
      ext = arg << 8;
      continue;
    }
    ext = 0;
    if (opcode === table.cache) continue;
    if (opcode === KW_NAMES) out.identifierTuples.add(arg);
    else if ((opcode === IMPORT_NAME || opcode === CALL_KW) && lastLoadConst >= 0) out.identifierTuples.add(lastLoadConst);
    else if (opcode === STORE_NAME && lastLoadConst >= 0 && out.qualnameConst < 0) {
      const name = code.names.items[arg];
      const value = code.consts.items[lastLoadConst];
      if (name?.kind === Kind.Str && name.value === '__qualname__' && value?.kind === Kind.Str) {
        out.qualnameConst = lastLoadConst;
      }
    }
    lastLoadConst = opcode === LOAD_CONST ? arg : -1;
  }
  return out;
}
