// The _ast module: the AST node classes Lib/ast.py re-exports, built from the compiler's table of
// CPython 3.11's node types (base, _fields, _attributes). Nodes are plain objects; compile() does
// not take or give them yet. CPython counterpart: Python/Python-ast.c (ast_type_init, make_type).
// the node table alone: the compiler itself is loaded only when something compiles
import { NODE_SPECS } from '@tspyc/compiler/ast-nodes';
import { raise } from '../errors.js';
import { None, PyType, typeType } from '../objects/object.js';
import { intFromNumber } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { PyBuiltin } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { getAttrOpt, setAttr } from '../protocols/getattr.js';

const OPTIONAL_ATTRIBUTES = ['end_lineno', 'end_col_offset'];

function nodeClass(name: string, base: PyType | null, fields: string[], attributes: string[], optional: string[]): PyType {
  const ns = new PyDict();
  ns.setStr('__module__', newStr('ast'));
  ns.setStr('_fields', newTuple(fields.map(newStr)));
  ns.setStr('__match_args__', newTuple(fields.map(newStr)));
  ns.setStr('_attributes', newTuple(attributes.map(newStr)));
  for (const n of optional) ns.setStr(n, None);
  if (base === null) {
    // AST.__init__: positional arguments fill _fields in order, keywords set any attribute
    ns.setStr(
      '__init__',
      new PyBuiltin('__init__', (a, kw) => {
        const self = a[0]!;
        const f = getAttrOpt(self, '_fields');
        const names = f instanceof PyTuple ? f.items : [];
        if (a.length - 1 > names.length) {
          raise(typeErrorType, `${self.type.name} constructor takes ${names.length ? 'at most' : ''}${names.length ? ' ' : ''}${names.length} positional argument${names.length === 1 ? '' : 's'}`);
        }
        for (let i = 1; i < a.length; i++) setAttr(self, (names[i - 1] as PyStr).value, a[i]!);
        if (kw) for (const [k, v] of kw) setAttr(self, k, v);
        return None;
      }, typeType),
    );
  }
  return typeNew(typeType, name, base === null ? [] : [base], ns, null);
}

export function makeAstC(): PyModule {
  const m = new PyModule('_ast');
  const d = m.dict;
  const ast = nodeClass('AST', null, [], [], []);
  d.setStr('AST', ast);
  // the abstract bases (expr, stmt, ...): the attributes their node types share
  const abstract = new Map<string, PyType>();
  for (const spec of Object.values(NODE_SPECS)) {
    if (spec.base === 'AST' || abstract.has(spec.base)) continue;
    const optional = spec.attributes.filter((x) => OPTIONAL_ATTRIBUTES.includes(x));
    const t = nodeClass(spec.base, ast, [], [...spec.attributes], optional);
    abstract.set(spec.base, t);
    d.setStr(spec.base, t);
  }
  for (const [name, spec] of Object.entries(NODE_SPECS)) {
    const base = spec.base === 'AST' ? ast : abstract.get(spec.base)!;
    const optional = [...spec.fields.filter((f) => f.qualifier === '?').map((f) => f.name), ...spec.attributes.filter((x) => OPTIONAL_ATTRIBUTES.includes(x))];
    d.setStr(name, nodeClass(name, base, spec.fields.map((f) => f.name), [...spec.attributes], optional));
  }
  d.setStr('PyCF_ONLY_AST', intFromNumber(1024));
  d.setStr('PyCF_TYPE_COMMENTS', intFromNumber(4096));
  d.setStr('PyCF_ALLOW_TOP_LEVEL_AWAIT', intFromNumber(8192));
  return m;
}
