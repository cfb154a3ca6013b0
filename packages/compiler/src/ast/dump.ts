// ast.dump(node, annotate_fields=True, include_attributes, indent) of CPython 3.11, over our nodes.
import { Kind, pyRepr, PyStr, strRepr, targetForVersion, type PyValue } from '@tspyc/bytecode';
import { NODE_SPECS } from './generated/nodes311.js';

export interface DumpOptions {
  includeAttributes?: boolean;
  /** null: one line; a number n: n spaces per level; a string: that string per level */
  indent?: number | string | null;
}

const TARGET = targetForVersion('3.11')!;

interface AnyNode {
  readonly _type: string;
  [k: string]: unknown;
}

export function dump(node: { readonly _type: string }, options: DumpOptions = {}): string {
  const indent = options.indent === undefined || options.indent === null ? null : typeof options.indent === 'number' ? ' '.repeat(Math.max(0, options.indent)) : options.indent;
  const includeAttributes = options.includeAttributes ?? false;

  const formatScalar = (value: unknown, type: string): string => {
    if (type === 'identifier' || type === 'string') return strRepr(new PyStr(value as string), TARGET);
    if (type === 'int') return String(value);
    const v = value as PyValue;
    // a folded frozenset is a live object: its items print in their stored (iteration) order,
    // not in the order of the set marshal.loads would rebuild from them
    if (v.kind === Kind.FrozenSet && v.items.length) return `frozenset({${v.items.map((x) => pyRepr(x, { target: TARGET })).join(', ')}})`;
    return pyRepr(v, { target: TARGET });
  };

  const format = (value: unknown, type: string, level: number): [string, boolean] => {
    let prefix = '';
    let sep = ', ';
    if (indent !== null) {
      level++;
      prefix = '\n' + indent.repeat(level);
      sep = ',\n' + indent.repeat(level);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return ['[]', true];
      return [`[${prefix}${value.map((x) => format(x, type, level)[0]).join(sep)}]`, false];
    }
    if (value !== null && typeof value === 'object' && '_type' in value) {
      const n = value as AnyNode;
      const spec = NODE_SPECS[n._type];
      if (!spec) throw new Error(`unknown node type ${n._type}`);
      const args: string[] = [];
      let allSimple = true;
      for (const f of spec.fields) {
        const v = n[f.name];
        if ((v === null || v === undefined) && f.qualifier === '?') continue;
        const [s, simple] = format(v, f.type, level);
        allSimple &&= simple;
        args.push(`${f.name}=${s}`);
      }
      if (includeAttributes) {
        for (const a of spec.attributes) {
          const v = n[a];
          if (v === null || v === undefined) continue;
          const [s, simple] = format(v, 'int', level);
          allSimple &&= simple;
          args.push(`${a}=${s}`);
        }
      }
      if (allSimple && args.length <= 3) return [`${n._type}(${args.join(', ')})`, args.length === 0];
      return [`${n._type}(${prefix}${args.join(sep)})`, false];
    }
    if (value === null || value === undefined) return ['None', true];
    return [formatScalar(value, type), true];
  };
  return format(node as AnyNode, 'mod', 0)[0];
}
