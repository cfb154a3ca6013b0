// infer_type and the "perhaps you missed a comma?" SyntaxWarnings (compile.c: check_caller,
// check_subscripter, check_index).
import { Kind, type PyValue } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import { NodeKind } from '../ast/index.js';
import type { Compiler } from './compiler.js';

function constTypeName(v: PyValue): string {
  switch (v.kind) {
    case Kind.None: return 'NoneType';
    case Kind.Bool: return 'bool';
    case Kind.Ellipsis: return 'ellipsis';
    case Kind.Int: return 'int';
    case Kind.Float: return 'float';
    case Kind.Complex: return 'complex';
    case Kind.Str: return 'str';
    case Kind.Bytes: return 'bytes';
    case Kind.Tuple: return 'tuple';
    case Kind.FrozenSet: return 'frozenset';
    default: return 'object';
  }
}

/** the type an expression certainly has, or null */
export function inferType(e: N.expr): string | null {
  switch (e._kind) {
    case NodeKind.Tuple: return 'tuple';
    case NodeKind.List: case NodeKind.ListComp: return 'list';
    case NodeKind.Dict: case NodeKind.DictComp: return 'dict';
    case NodeKind.Set: case NodeKind.SetComp: return 'set';
    case NodeKind.GeneratorExp: return 'generator';
    case NodeKind.Lambda: return 'function';
    case NodeKind.JoinedStr: case NodeKind.FormattedValue: return 'str';
    case NodeKind.Constant: return constTypeName(e.value);
    default: return null;
  }
}

export function checkCaller(c: Compiler, e: N.expr): void {
  switch (e._kind) {
    case NodeKind.Constant: case NodeKind.Tuple: case NodeKind.List: case NodeKind.ListComp: case NodeKind.Dict: case NodeKind.DictComp: case NodeKind.Set:
    case NodeKind.SetComp: case NodeKind.GeneratorExp: case NodeKind.JoinedStr: case NodeKind.FormattedValue:
      c.warn(`'${inferType(e)}' object is not callable; perhaps you missed a comma?`);
  }
}

export function checkSubscripter(c: Compiler, e: N.expr): void {
  switch (e._kind) {
    case NodeKind.Constant: {
      const k = e.value.kind;
      // PyLong_Check holds for a bool too
      if (!(k === Kind.None || k === Kind.Ellipsis || k === Kind.Int || k === Kind.Bool || k === Kind.Float || k === Kind.Complex || k === Kind.FrozenSet || k === Kind.Set)) return;
      break;
    }
    case NodeKind.Set: case NodeKind.SetComp: case NodeKind.GeneratorExp: case NodeKind.Lambda:
      break;
    default:
      return;
  }
  c.warn(`'${inferType(e)}' object is not subscriptable; perhaps you missed a comma?`);
}

export function checkIndex(c: Compiler, e: N.expr, s: N.expr): void {
  const indexType = inferType(s);
  if (indexType === null || indexType === 'int' || indexType === 'bool' || indexType === 'slice') return;
  switch (e._kind) {
    case NodeKind.Constant: {
      const k = e.value.kind;
      if (!(k === Kind.Str || k === Kind.Bytes || k === Kind.Tuple)) return;
      break;
    }
    case NodeKind.Tuple: case NodeKind.List: case NodeKind.ListComp: case NodeKind.JoinedStr: case NodeKind.FormattedValue:
      break;
    default:
      return;
  }
  c.warn(`${inferType(e)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`);
}
