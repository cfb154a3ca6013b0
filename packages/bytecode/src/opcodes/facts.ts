// The raw facts tools/gen-opcodes.ts records per version (from Lib/opcode.py and Lib/dis.py).
// Lists are null where that version's modules do not have them.
export interface OpcodeFacts {
  version: string;
  /** opcode number → name ('<N>' for unused numbers); 3.12+ includes pseudo-opcodes above 255 */
  opname: string[];
  opmap: Record<string, number>;
  HAVE_ARGUMENT: number;
  EXTENDED_ARG: number;
  hasconst: number[] | null;
  hasname: number[] | null;
  hasjrel: number[] | null;
  hasjabs: number[] | null;
  haslocal: number[] | null;
  hascompare: number[] | null;
  hasfree: number[] | null;
  hasnargs: number[] | null;
  hasarg: number[] | null;
  hasexc: number[] | null;
  hasjump: number[] | null;
  cmp_op: string[];
  /** BINARY_OP argument → [name, symbol] (3.11+) */
  nb_ops: [string, string][] | null;
  /** opcode number → inline CACHE units (3.11+) */
  inline_cache_entries: number[] | null;
  /** opname → cache field name → units (3.11+) */
  cache_format: Record<string, Record<string, number>> | null;
  intrinsic_1_descs: string[] | null;
  intrinsic_2_descs: string[] | null;
  /** opcode number → name including specialised forms (dis._all_opname) */
  all_opname: string[];
  /** specialised name → base name (dis.deoptmap) */
  deoptmap: Record<string, string>;
  COMPILER_FLAG_NAMES: Record<string, string> | null;
  MAKE_FUNCTION_FLAGS: string[] | null;
  FUNCTION_ATTR_FLAGS: string[] | null;
}
