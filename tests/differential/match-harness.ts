// Runs our compileMatch on the top-level match statements of a module with the real visitors, and
// hands back the module's unit before the flow-graph passes — for the semantic test, which runs
// those blocks in a test interpreter.
import { targetForVersion } from '@tspyc/bytecode';
import type * as N from '../../packages/compiler/src/ast/index.js';
import { parse } from '../../packages/compiler/src/parser/index.js';
import { buildSymtable, futureFromAST } from '../../packages/compiler/src/symtable/index.js';
import { Compiler } from '../../packages/compiler/src/codegen/compiler.js';
import { visitStmt } from '../../packages/compiler/src/codegen/stmt.js';
import { ScopeType, type CompilerUnit } from '../../packages/compiler/src/codegen/unit.js';
import { compileMatch } from '../../packages/compiler/src/codegen/pattern/index.js';

export function compileMatches(source: Uint8Array | string): CompilerUnit {
  const filename = '<case>';
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const mod = parse(source, { filename }) as N.Module;
  const future = futureFromAST(mod, filename);
  const st = buildSymtable(mod, filename, { future, source: text });
  const c = new Compiler(st, future, filename, 0, targetForVersion('3.11')!, text, undefined);
  c.enterScope('<module>', ScopeType.Module, mod, 1);
  const unit = c.u;
  for (const s of mod.body) {
    if (s._type === 'Match') {
      c.setLoc(s);
      compileMatch(c, s);
    } else visitStmt(c, s);
  }
  return unit;
}
