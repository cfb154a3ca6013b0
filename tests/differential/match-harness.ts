// Until the lead's statement/expression visitors and the flow-graph passes are on main: a driver
// that runs our compileMatch over a module with small stand-in visitors, so pattern codegen can be
// tested on its own. Statements: matches, defs, `NAME = CONSTANT`, `pass` (recorded as `__case__ = N`);
// expressions: names, constants, attributes, unary minus, conditional expressions.
import { None, PyInt, targetForVersion } from '@tspyc/bytecode';
import type * as N from '../../packages/compiler/src/ast/index.js';
import { parse } from '../../packages/compiler/src/parser/index.js';
import { buildSymtable, futureFromAST } from '../../packages/compiler/src/symtable/index.js';
import { Compiler } from '../../packages/compiler/src/codegen/compiler.js';
import { JUMP, Op, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE } from '../../packages/compiler/src/codegen/ir.js';
import { ScopeType, type CompilerUnit } from '../../packages/compiler/src/codegen/unit.js';
import { compileMatch } from '../../packages/compiler/src/codegen/pattern/index.js';
import { deps } from '../../packages/compiler/src/codegen/pattern/deps.js';

function visitExpr(c: Compiler, e: N.expr): void {
  const saved = c.saveLoc();
  c.setLoc(e);
  switch (e._type) {
    case 'Constant':
      c.loadConst(e.value);
      break;
    case 'Name':
      c.nameop(e.id, e.ctx._type);
      break;
    case 'Attribute':
      visitExpr(c, e.value);
      c.addopName(Op.LOAD_ATTR, c.u.names, e.attr);
      break;
    case 'IfExp': {
      const orelse = c.newBlock();
      const end = c.newBlock();
      jumpIf(c, e.test, orelse, false);
      visitExpr(c, e.body);
      c.addopJ(JUMP, end);
      c.useNextBlock(orelse);
      visitExpr(c, e.orelse);
      c.useNextBlock(end);
      break;
    }
    case 'UnaryOp':
      visitExpr(c, e.operand);
      c.addop(Op.UNARY_NEGATIVE);
      break;
    default:
      c.loadConst(None);
  }
  c.setLoc(saved);
}

let caseCounter = 0;

function visitStmts(c: Compiler, body: N.stmt[]): void {
  for (const s of body) {
    c.setLoc(s);
    switch (s._type) {
      case 'Match':
        compileMatch(c, s);
        break;
      case 'FunctionDef': {
        const outer = c.u;
        c.enterScope(s.name, ScopeType.Function, s, s.lineno);
        visitStmts(c, s.body);
        c.exitScope();
        c.u = outer;
        break;
      }
      case 'Assign':
        // `NAME = CONSTANT`, the fixtures' bodies
        visitExpr(c, s.value);
        visitExpr(c, s.targets[0]!);
        break;
      case 'Pass':
        // the body marker: which case ran
        c.loadConst(new PyInt(BigInt(caseCounter++)));
        c.nameop('__case__', 'Store');
        break;
      default:
        break;
    }
  }
}

/** a guard: `if NAME` only (truthiness of a bound name) */
function jumpIf(c: Compiler, e: N.expr, next: import('../../packages/compiler/src/codegen/ir.js').BasicBlock, cond: boolean): void {
  visitExpr(c, e);
  c.addopJ(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
  c.nextBlock();
}

/** compile the match statements of a module; the module's unit, or the SyntaxError thrown */
export function compileMatches(source: Uint8Array | string, pyEqual: (a: never, b: never) => boolean): CompilerUnit {
  deps.visitExpr = visitExpr;
  deps.visitStmts = visitStmts;
  deps.jumpIf = jumpIf;
  deps.pyEqual = pyEqual as never;
  caseCounter = 0;
  const filename = '<case>';
  const text = typeof source === 'string' ? source : Buffer.from(source).toString('utf8');
  const mod = parse(source, { filename }) as N.Module;
  const future = futureFromAST(mod, filename);
  const st = buildSymtable(mod, filename, { future, source: text });
  const c = new Compiler(st, future, filename, 0, targetForVersion('3.11')!, text, undefined);
  c.enterScope('<module>', ScopeType.Module, mod, 1);
  const unit = c.u;
  visitStmts(c, mod.body);
  return unit;
}
