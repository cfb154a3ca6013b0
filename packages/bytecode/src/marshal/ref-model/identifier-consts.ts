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
// Not recognised from the bytecode (they only matter for non-ASCII names, which all_name_chars does
// not intern): parameter names in function annotation tuples, keyword-only default keys, and the
// key tuple of BUILD_CONST_KEY_MAP in a call with `**` — the compiler marks those
// (identifier-hints.ts); a code object read from a pyc carries no marks.
import type { CodeObject } from '../../code-object.js';
import { opcodeTable } from '../../opcodes/index.js';
import type { Target } from '../../target.js';
import { Kind, type PyValue } from '../../values.js';
import { anyIdentifierConstants, isIdentifierConstant } from './identifier-hints.js';
import { allNameChars } from './interning.js';

export interface IdentifierConsts {
  /** co_consts indices of identifier strs, or of tuples (or None) whose str items are identifiers; null for none */
  fromIdentifiers: Set<number> | null;
  /** co_consts index of a class body's __qualname__ constant, or -1 */
  qualnameConst: number;
}

/** What an opcode is to the scan; most are Other, which ends any LOAD_CONST / LOAD_NAME pattern. */
const enum Role {
  Other,
  LoadConst,
  KwNames,
  /** IMPORT_NAME, CALL_KW, MATCH_CLASS: take the constant loaded just before as identifiers */
  TakesConst,
  StoreName,
  LoadName,
  StoreSubscr,
  ExtendedArg,
  Cache,
}

interface Roles {
  /** opcode → Role: one table lookup per instruction rather than a chain of compares */
  role: Uint8Array;
  /** opcode → code units from an Other instruction to the next one: its inline CACHEs are skipped unread */
  step: Uint8Array;
}

const rolesByTarget = new Map<Target, Roles>();

function rolesOf(target: Target): Roles {
  let roles = rolesByTarget.get(target);
  if (!roles) {
    const table = opcodeTable(target);
    const r = new Uint8Array(Math.max(256, table.size));
    const step = new Uint8Array(r.length);
    const set = (name: string, role: Role) => {
      const op = table.number.get(name);
      if (op !== undefined) r[op] = role;
    };
    set('LOAD_CONST', Role.LoadConst);
    set('KW_NAMES', Role.KwNames);
    set('IMPORT_NAME', Role.TakesConst);
    set('CALL_KW', Role.TakesConst);
    set('MATCH_CLASS', Role.TakesConst);
    set('STORE_NAME', Role.StoreName);
    set('LOAD_NAME', Role.LoadName);
    set('STORE_SUBSCR', Role.StoreSubscr);
    if (table.extendedArg >= 0) r[table.extendedArg] = Role.ExtendedArg;
    if (table.cache >= 0) r[table.cache] = Role.Cache;
    for (let op = 0; op < r.length; op++) step[op] = 2 * (1 + (r[op] === Role.Other ? (table.cacheEntries[op] ?? 0) : 0));
    rolesByTarget.set(target, (roles = { role: r, step }));
  }
  return roles;
}

const NONE: IdentifierConsts = { fromIdentifiers: null, qualnameConst: -1 };

export function identifierConsts(code: CodeObject, target: Target): IdentifierConsts {
  const consts = code.consts.items;
  let fromIdentifiers: Set<number> | null = anyIdentifierConstants() ? markedConsts(consts) : null;
  // Reading the bytecode is most of the cost: it is read only when a constant can be one. Every
  // pattern but two takes a tuple; those two take a str stored under __annotations__ or as
  // __qualname__, which then is among the names.
  let tuples = false;
  let strs = false;
  for (let i = 0; i < consts.length && !tuples; i++) {
    const kind = consts[i]!.kind;
    tuples = kind === Kind.Tuple;
    strs ||= kind === Kind.Str;
  }
  if (!tuples && !(strs && storesNamedStr(code))) return fromIdentifiers === null ? NONE : { fromIdentifiers, qualnameConst: -1 };
  const { role: roles, step } = rolesOf(target);
  const nameIs = (arg: number, value: string) => {
    const name = code.names.items[arg];
    return name?.kind === Kind.Str && name.value === value;
  };
  let qualnameConst = -1;
  const bytes = code.code.value;
  let ext = 0;
  let lastLoadConst = -1;
  let annotationsLoaded = false;
  for (let i = 0; i + 1 < bytes.length; ) {
    const opcode = bytes[i]!;
    const role = roles[opcode]!;
    if (role === Role.Other) {
      ext = 0;
      lastLoadConst = -1;
      annotationsLoaded = false;
      i += step[opcode]!;
      continue;
    }
    i += 2;
    const arg = bytes[i - 1]! | ext;
    if (role === Role.ExtendedArg) {
      ext = arg << 8;
      continue;
    }
    ext = 0;
    if (role === Role.Cache) continue;
    let taken = -1;
    if (role === Role.KwNames) taken = arg;
    else if (role === Role.TakesConst || (role === Role.StoreSubscr && annotationsLoaded)) taken = lastLoadConst;
    else if (role === Role.StoreName && lastLoadConst >= 0) {
      if (nameIs(arg, '__static_attributes__')) taken = lastLoadConst;
      else if (nameIs(arg, '__qualname__') && qualnameConst < 0 && consts[lastLoadConst]?.kind === Kind.Str) qualnameConst = lastLoadConst;
    }
    if (taken >= 0) (fromIdentifiers ??= new Set()).add(taken);
    // LOAD_NAME __annotations__ directly before the key's LOAD_CONST
    annotationsLoaded = role === Role.LoadName ? nameIs(arg, '__annotations__') : role === Role.LoadConst && annotationsLoaded;
    lastLoadConst = role === Role.LoadConst ? arg : -1;
  }
  return fromIdentifiers === null && qualnameConst < 0 ? NONE : { fromIdentifiers, qualnameConst };
}

/**
 * The constants the compiler marked as identifier objects (identifier-hints.ts), and the tuples
 * of them: a tuple counts when it has a marked str and every other str in it is an ASCII name
 * (interned anyway, so the same object as its identifier). A tuple folded from an annotation's
 * values as well as its names can hold other strs: it is left to the bytecode scan.
 */
function markedConsts(consts: readonly PyValue[]): Set<number> | null {
  let out: Set<number> | null = null;
  for (let i = 0; i < consts.length; i++) {
    const c = consts[i]!;
    let marked = false;
    if (c.kind === Kind.Str) marked = isIdentifierConstant(c);
    else if (c.kind === Kind.Tuple) {
      for (const v of c.items) {
        if (v.kind !== Kind.Str) continue;
        if (isIdentifierConstant(v)) marked = true;
        else if (!allNameChars(v.value)) {
          marked = false;
          break;
        }
      }
    }
    if (marked) (out ??= new Set()).add(i);
  }
  return out;
}

/** whether the names hold __annotations__ or __qualname__, the two str-taking patterns' names */
function storesNamedStr(code: CodeObject): boolean {
  const names = code.names.items;
  for (let i = 0; i < names.length; i++) {
    const v = names[i]!;
    if (v.kind === Kind.Str && (v.value === '__annotations__' || v.value === '__qualname__')) return true;
  }
  return false;
}
