// Decoding co_code into Instruction records, as Lib/dis.py's _unpack_opargs and
// _get_instructions_bytes / ArgResolver do for 3.11, 3.12 and 3.13 (formatting is format.ts).
import type { CodeObject } from '../code-object.js';
import {
  HAS_ARG,
  HAS_COMPARE,
  HAS_CONST,
  HAS_EXC,
  HAS_FREE,
  HAS_JABS,
  HAS_JREL,
  HAS_JUMP,
  HAS_LOCAL,
  HAS_NAME,
  opcodeTable,
  type OpcodeTable,
} from '../opcodes/index.js';
import type { Target } from '../target.js';
import { Kind } from '../values.js';
import { pyRepr, type ReprOptions } from './repr.js';

export interface Instruction {
  opname: string;
  opcode: number;
  /** null for opcodes without an argument */
  arg: number | null;
  /** dis's argrepr ('' when none) */
  argrepr: string;
  /** byte offset */
  offset: number;
  /** jump target (byte offset) for jumps, else null */
  jumpTarget: number | null;
}

const INT_OVERFLOW = 2 ** 31;

/** _unpack_opargs: (offset, opcode, arg) per instruction, inline caches skipped, EXTENDED_ARG folded. */
export function unpackOpargs(code: Uint8Array, table: OpcodeTable): { offset: number; op: number; arg: number | null }[] {
  const out: { offset: number; op: number; arg: number | null }[] = [];
  let extendedArg = 0;
  let caches = 0;
  const extended = table.extendedArg;
  for (let i = 0; i < code.length; i += 2) {
    if (caches) {
      caches--;
      continue;
    }
    const op = code[i]!;
    const deop = table.deopt[op]!;
    caches = table.cacheEntries[deop]!;
    let arg: number | null = null;
    if (table.flags[deop]! & HAS_ARG) {
      arg = (code[i + 1] ?? 0) + extendedArg;
      // The oparg is a C int: it wraps to negative past 2**31, as dis emulates.
      extendedArg = deop === extended ? arg * 256 : 0;
      if (extendedArg >= INT_OVERFLOW) extendedArg -= 2 * INT_OVERFLOW;
    } else {
      extendedArg = 0;
    }
    out.push({ offset: i, op, arg });
  }
  return out;
}

function isBackwardJump(table: OpcodeTable, op: number): boolean {
  return table.name[op]!.includes('JUMP_BACKWARD');
}

/** _get_jump_target: the byte offset a jump goes to, or null. 3.12+ count the jump's own caches. */
export function jumpTarget(table: OpcodeTable, minor: number, op: number, arg: number, offset: number): number | null {
  const deop = table.deopt[op]!;
  const flags = table.flags[deop]!;
  if (flags & HAS_JREL) {
    const signed = isBackwardJump(table, deop) ? -arg : arg;
    return offset + 2 + signed * 2 + (minor >= 12 ? 2 * table.cacheEntries[deop]! : 0);
  }
  if (flags & HAS_JABS) return arg * 2;
  return null;
}

/** findlabels: jump targets in first-seen order. */
export function findLabels(code: Uint8Array, table: OpcodeTable, minor: number): number[] {
  const labels: number[] = [];
  const seen = new Set<number>();
  for (const { offset, op, arg } of unpackOpargs(code, table)) {
    if (arg === null) continue;
    // 3.11's findlabels looks at the raw opcode; pycs hold no specialised forms, so deopt is safe.
    const target = jumpTarget(table, minor, op, arg, offset);
    if (target !== null && !seen.has(target)) {
      seen.add(target);
      labels.push(target);
    }
  }
  return labels;
}

const FORMAT_VALUE_CONVERTERS = ['', 'str', 'repr', 'ascii'];

/**
 * Instructions of a 3.11+ code object with dis's argrepr. `labelOf` maps a jump target to the
 * 3.13 label number (3.13 prints `to L3`); earlier versions print `to <offset>`.
 */
export function getInstructions(
  co: CodeObject,
  target: Target,
  repr: ReprOptions = {},
  labelOf?: (offset: number) => number | undefined,
): Instruction[] {
  const table = opcodeTable(target);
  const f = table.facts;
  const minor = target.minor;
  const consts = co.consts.items;
  const names = co.coNames;
  // co._varname_from_oparg: locals, cells and free variables share one index space (localsplus).
  const localsplus = co.localsplusnames ? co.localsplusnames.items : [];
  const varname = (i: number): string => {
    const v = localsplus[i];
    return v && v.kind === Kind.Str ? v.value : '';
  };
  const nameAt = (i: number): string => names[i] ?? '';
  const num = (name: string) => table.number.get(name) ?? -1;
  const LOAD_CONST = num('LOAD_CONST');
  const LOAD_GLOBAL = num('LOAD_GLOBAL');
  const LOAD_ATTR = num('LOAD_ATTR');
  const LOAD_SUPER_ATTR = num('LOAD_SUPER_ATTR');
  const FORMAT_VALUE = num('FORMAT_VALUE');
  const MAKE_FUNCTION = num('MAKE_FUNCTION');
  const BINARY_OP = num('BINARY_OP');
  const CALL_INTRINSIC_1 = num('CALL_INTRINSIC_1');
  const CALL_INTRINSIC_2 = num('CALL_INTRINSIC_2');
  const CONVERT_VALUE = num('CONVERT_VALUE');
  const SET_FUNCTION_ATTRIBUTE = num('SET_FUNCTION_ATTRIBUTE');
  // 3.13's superinstructions carry two local indices, 4 bits each.
  const PAIRED_LOCALS = new Set(['LOAD_FAST_LOAD_FAST', 'STORE_FAST_LOAD_FAST', 'STORE_FAST_STORE_FAST'].map(num).filter((op) => op >= 0));

  const out: Instruction[] = [];
  for (const { offset, op, arg } of unpackOpargs(co.code.value, table)) {
    const deop = table.deopt[op]!;
    const flags = table.flags[deop]!;
    let argrepr = '';
    let target: number | null = null;
    if (arg !== null) {
      if (flags & HAS_CONST) {
        // 3.11 dereferences only LOAD_CONST (KW_NAMES shows no argrepr); 3.12+ every hasconst op.
        if (minor >= 12 || deop === LOAD_CONST) argrepr = consts[arg] ? pyRepr(consts[arg]!, repr) : '';
      } else if (flags & HAS_NAME) {
        if (deop === LOAD_GLOBAL) argrepr = withNull(nameAt(arg >> 1), arg & 1, minor, 'NULL');
        else if (minor >= 12 && deop === LOAD_ATTR) argrepr = withNull(nameAt(arg >> 1), arg & 1, minor, 'NULL|self');
        else if (minor >= 12 && deop === LOAD_SUPER_ATTR) argrepr = withNull(nameAt(arg >> 2), arg & 1, minor, 'NULL|self');
        else argrepr = nameAt(arg);
      } else if (minor >= 13 ? flags & (HAS_JUMP | HAS_EXC) : flags & (HAS_JREL | HAS_JABS)) {
        target = jumpTarget(table, minor, op, arg, offset);
        argrepr = minor >= 13 ? `to L${target !== null ? labelOf?.(target) ?? '?' : '?'}` : `to ${target}`;
      } else if (PAIRED_LOCALS.has(deop)) {
        argrepr = `${varname(arg >> 4)}, ${varname(arg & 15)}`;
      } else if (flags & (HAS_LOCAL | HAS_FREE)) {
        argrepr = varname(arg);
      } else if (flags & HAS_COMPARE) {
        if (minor >= 13) {
          argrepr = f.cmp_op[arg >> 5] ?? '';
          if (arg & 16) argrepr = `bool(${argrepr})`;
        } else {
          argrepr = f.cmp_op[minor >= 12 ? arg >> 4 : arg] ?? '';
        }
      } else if (deop === FORMAT_VALUE && FORMAT_VALUE !== -1) {
        argrepr = FORMAT_VALUE_CONVERTERS[arg & 3]!;
        if (arg & 4) argrepr += argrepr ? ', with format' : 'with format';
      } else if (deop === MAKE_FUNCTION && MAKE_FUNCTION !== -1 && f.MAKE_FUNCTION_FLAGS) {
        argrepr = f.MAKE_FUNCTION_FLAGS.filter((_, i) => arg & (1 << i)).join(', ');
      } else if (deop === BINARY_OP && f.nb_ops) {
        argrepr = f.nb_ops[arg]?.[1] ?? '';
      } else if (deop === CALL_INTRINSIC_1 && f.intrinsic_1_descs) {
        argrepr = f.intrinsic_1_descs[arg] ?? '';
      } else if (deop === CALL_INTRINSIC_2 && f.intrinsic_2_descs) {
        argrepr = f.intrinsic_2_descs[arg] ?? '';
      } else if (deop === CONVERT_VALUE && CONVERT_VALUE !== -1) {
        argrepr = FORMAT_VALUE_CONVERTERS[arg] ?? '';
      } else if (deop === SET_FUNCTION_ATTRIBUTE && f.FUNCTION_ATTR_FLAGS) {
        argrepr = f.FUNCTION_ATTR_FLAGS.filter((_, i) => arg & (1 << i)).join(', ');
      }
    }
    out.push({ opname: table.name[op]!, opcode: op, arg, argrepr, offset, jumpTarget: target });
  }
  return out;
}

/** 3.11/3.12 put "NULL + " before the name; 3.13 puts " + NULL" after it. */
function withNull(name: string, bit: number, minor: number, what: string): string {
  if (!bit || !name) return name;
  return minor >= 13 ? `${name} + ${what}` : `${what} + ${name}`;
}
