// A test-only interpreter for the code generator's blocks, just wide enough for what pattern
// matching emits (plus the stand-in driver's bodies and guards): runs a module's blocks on a
// subject and returns the names it bound, in the value encoding of tools/oracle/match_semantics.py.
import { Kind, type PyValue } from '@tspyc/bytecode';
import { JUMP, Op, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, opName, type BasicBlock } from '../../packages/compiler/src/codegen/ir.js';
import type { CompilerUnit } from '../../packages/compiler/src/codegen/unit.js';

export type Value =
  | { t: 'none' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: string }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'list' | 'tuple'; items: Value[] }
  | { t: 'dict'; keys: Value[]; values: Value[] }
  | { t: 'obj'; cls: string; attrs: Record<string, Value> }
  | { t: 'class'; name: string; attrs: Record<string, Value>; matchArgs: string[] | null };

const NONE: Value = { t: 'none' };
const bool = (v: boolean): Value => ({ t: 'bool', v });

export function makeGlobals(): Map<string, Value> {
  const g = new Map<string, Value>();
  g.set('Point', { t: 'class', name: 'Point', attrs: {}, matchArgs: ['x', 'y'] });
  g.set('K', { t: 'class', name: 'K', attrs: { A: { t: 'int', v: '1' }, B: { t: 'str', v: 'b' } }, matchArgs: null });
  for (const name of ['int', 'str', 'list', 'dict', 'tuple', 'bool', 'float']) g.set(name, { t: 'class', name, attrs: {}, matchArgs: null });
  return g;
}

function num(v: Value): number | null {
  if (v.t === 'int') return Number(v.v);
  if (v.t === 'bool') return v.v ? 1 : 0;
  if (v.t === 'float') return v.v;
  return null;
}

/** Python == */
export function eq(a: Value, b: Value): boolean {
  const x = num(a);
  const y = num(b);
  if (x !== null || y !== null) return x !== null && y !== null && x === y;
  if (a.t !== b.t) return a.t === 'list' || a.t === 'tuple' || b.t === 'list' || b.t === 'tuple' ? false : false;
  switch (a.t) {
    case 'none':
      return true;
    case 'str':
      return a.v === (b as typeof a).v;
    case 'list':
    case 'tuple': {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((v, i) => eq(v, bi[i]!));
    }
    case 'dict': {
      const bd = b as typeof a;
      return a.keys.length === bd.keys.length && a.keys.every((k, i) => {
        const j = bd.keys.findIndex((k2) => eq(k, k2));
        return j >= 0 && eq(a.values[i]!, bd.values[j]!);
      });
    }
    default:
      return a === b;
  }
}

function truthy(v: Value): boolean {
  switch (v.t) {
    case 'none':
      return false;
    case 'bool':
      return v.v;
    case 'int':
      return v.v !== '0';
    case 'float':
      return v.v !== 0;
    case 'str':
      return v.v !== '';
    case 'list':
    case 'tuple':
      return v.items.length > 0;
    case 'dict':
      return v.keys.length > 0;
    default:
      return true;
  }
}

function fromConst(v: PyValue): Value {
  switch (v.kind) {
    case Kind.None:
      return NONE;
    case Kind.Bool:
      return bool(v.value);
    case Kind.Int:
      return { t: 'int', v: v.value.toString() };
    case Kind.Float:
      return { t: 'float', v: v.value };
    case Kind.Str:
      return { t: 'str', v: v.value };
    case Kind.Tuple:
      return { t: 'tuple', items: v.items.map(fromConst) };
    default:
      throw new Error(`constant kind ${v.kind} not modelled`);
  }
}

function isInstance(v: Value, cls: Value): boolean {
  if (cls.t !== 'class') throw new Error('MATCH_CLASS on a non-class');
  if (v.t === 'obj') return v.cls === cls.name;
  const builtin: Record<string, string> = { none: '', bool: 'bool', int: 'int', float: 'float', str: 'str', list: 'list', tuple: 'tuple', dict: 'dict' };
  return builtin[v.t] === cls.name || (cls.name === 'int' && v.t === 'bool');
}

/** run the unit's blocks; the names stored, or an error */
export function run(unit: CompilerUnit, globals: Map<string, Value>): Map<string, Value> {
  const stack: Value[] = [];
  const pop = (): Value => {
    if (!stack.length) throw new Error('stack underflow');
    return stack.pop()!;
  };
  const bound = new Map<string, Value>();
  const names = unit.names.keys();
  let block: BasicBlock | null = unit.entry;
  let steps = 0;
  while (block) {
    let jumped: BasicBlock | null = null;
    for (const ins of block.instrs) {
      if (++steps > 100_000) throw new Error('runaway');
      const { opcode: op, oparg: arg } = ins;
      if (op === Op.RESUME || op === Op.NOP) continue;
      if (op === Op.LOAD_CONST) stack.push(fromConst(unit.consts[arg]!));
      else if (op === Op.LOAD_NAME) {
        const n = names[arg]!;
        const v = bound.get(n) ?? globals.get(n);
        if (!v) throw new Error(`NameError ${n}`);
        stack.push(v);
      } else if (op === Op.STORE_NAME) bound.set(names[arg]!, pop());
      else if (op === Op.LOAD_ATTR) {
        const o = pop();
        const n = names[arg]!;
        const v = o.t === 'class' ? o.attrs[n] : o.t === 'obj' ? o.attrs[n] : undefined;
        if (!v) throw new Error(`AttributeError ${n}`);
        stack.push(v);
      } else if (op === Op.POP_TOP) pop();
      else if (op === Op.COPY) stack.push(stack[stack.length - arg]!);
      else if (op === Op.SWAP) {
        const i = stack.length - arg;
        const top = stack.length - 1;
        if (i < 0) throw new Error('SWAP below the stack');
        [stack[i], stack[top]] = [stack[top]!, stack[i]!];
      } else if (op === Op.MATCH_SEQUENCE) {
        const s = stack[stack.length - 1]!;
        stack.push(bool(s.t === 'list' || s.t === 'tuple'));
      } else if (op === Op.MATCH_MAPPING) stack.push(bool(stack[stack.length - 1]!.t === 'dict'));
      else if (op === Op.GET_LEN) {
        const s = stack[stack.length - 1]!;
        const n = s.t === 'list' || s.t === 'tuple' ? s.items.length : s.t === 'dict' ? s.keys.length : null;
        if (n === null) throw new Error('GET_LEN');
        stack.push({ t: 'int', v: String(n) });
      } else if (op === Op.COMPARE_OP) {
        const b = pop();
        const a = pop();
        if (arg === 2) stack.push(bool(eq(a, b)));
        else if (arg === 5) stack.push(bool(num(a)! >= num(b)!));
        else throw new Error(`COMPARE_OP ${arg}`);
      } else if (op === Op.IS_OP) {
        const b = pop();
        const a = pop();
        const same = a === b || (a.t === 'none' && b.t === 'none') || (a.t === 'bool' && b.t === 'bool' && a.v === b.v);
        stack.push(bool(same !== (arg === 1)));
      } else if (op === Op.UNARY_NEGATIVE) {
        const a = pop();
        stack.push({ t: 'int', v: String(-num(a)!) });
      } else if (op === Op.BINARY_OP && arg === 10) {
        const b = pop();
        const a = pop();
        stack.push({ t: 'int', v: String(num(a)! - num(b)!) });
      } else if (op === Op.BINARY_SUBSCR) {
        const i = pop();
        const s = pop();
        if (s.t !== 'list' && s.t !== 'tuple') throw new Error('BINARY_SUBSCR');
        stack.push(s.items[num(i)!]!);
      } else if (op === Op.UNPACK_SEQUENCE) {
        const s = pop();
        if ((s.t !== 'list' && s.t !== 'tuple') || s.items.length !== arg) throw new Error('UNPACK_SEQUENCE');
        for (let i = s.items.length - 1; i >= 0; i--) stack.push(s.items[i]!);
      } else if (op === Op.UNPACK_EX) {
        const s = pop();
        if (s.t !== 'list' && s.t !== 'tuple') throw new Error('UNPACK_EX');
        const before = arg & 0xff;
        const after = arg >> 8;
        const items = s.items;
        const parts: Value[] = [...items.slice(0, before), { t: 'list', items: items.slice(before, items.length - after) }, ...items.slice(items.length - after)];
        for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
      } else if (op === Op.BUILD_TUPLE) {
        const items = stack.splice(stack.length - arg, arg);
        stack.push({ t: 'tuple', items });
      } else if (op === Op.BUILD_MAP && arg === 0) stack.push({ t: 'dict', keys: [], values: [] });
      else if (op === Op.DICT_UPDATE) {
        const src = pop();
        const dst = stack[stack.length - arg]!;
        if (src.t !== 'dict' || dst.t !== 'dict') throw new Error('DICT_UPDATE');
        dst.keys.push(...src.keys);
        dst.values.push(...src.values);
      } else if (op === Op.DELETE_SUBSCR) {
        const key = pop();
        const d = pop();
        if (d.t !== 'dict') throw new Error('DELETE_SUBSCR');
        const i = d.keys.findIndex((k) => eq(k, key));
        if (i < 0) throw new Error('KeyError');
        d.keys.splice(i, 1);
        d.values.splice(i, 1);
      } else if (op === Op.MATCH_KEYS) {
        const keys = stack[stack.length - 1]!;
        const subject = stack[stack.length - 2]!;
        if (keys.t !== 'tuple' || subject.t !== 'dict') throw new Error('MATCH_KEYS');
        const values: Value[] = [];
        let ok = true;
        for (const k of keys.items) {
          const i = subject.keys.findIndex((k2) => eq(k, k2));
          if (i < 0) {
            ok = false;
            break;
          }
          values.push(subject.values[i]!);
        }
        stack.push(ok ? { t: 'tuple', items: values } : NONE);
      } else if (op === Op.MATCH_CLASS) {
        const kw = pop();
        const cls = pop();
        const subject = pop();
        if (kw.t !== 'tuple' || cls.t !== 'class') throw new Error('MATCH_CLASS');
        if (!isInstance(subject, cls)) {
          stack.push(NONE);
          continue;
        }
        const attrs: Value[] = [];
        let ok = true;
        const get = (n: string): Value | undefined => (subject.t === 'obj' ? subject.attrs[n] : undefined);
        if (arg) {
          if (cls.matchArgs === null) {
            if (arg !== 1) throw new Error('TypeError: too many positional sub-patterns');
            attrs.push(subject);
          } else {
            for (let i = 0; i < arg; i++) {
              const v = get(cls.matchArgs[i]!);
              if (!v) ok = false;
              else attrs.push(v);
            }
          }
        }
        for (const n of kw.items) {
          const v = ok ? get((n as { v: string }).v) : undefined;
          if (!v) ok = false;
          else attrs.push(v);
        }
        stack.push(ok ? { t: 'tuple', items: attrs } : NONE);
      } else if (op === POP_JUMP_IF_FALSE || op === POP_JUMP_IF_TRUE) {
        if (truthy(pop()) === (op === POP_JUMP_IF_TRUE)) {
          jumped = ins.target;
          break;
        }
      } else if (op === JUMP) {
        jumped = ins.target;
        break;
      } else throw new Error(`opcode ${opName(op)} not modelled`);
    }
    block = jumped ?? block.next;
  }
  if (stack.length) throw new Error(`${stack.length} item(s) left on the stack`);
  return bound;
}
