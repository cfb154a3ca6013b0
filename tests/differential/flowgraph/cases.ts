// Functions whose 3.11 code objects the flow-graph passes must reproduce, each with the graph
// compile.c's code generator builds for it (block allocation order, layout, locations), written
// out by hand from compile.c's visitors. The oracle is compile() of `src` by python3.11.
import type { CfgUnit } from '../../../packages/compiler/src/codegen/flowgraph/input.js';
import { Cfg, L, NOLINE, UNSET } from './cfg-builder.js';

export interface FlowgraphCase {
  name: string;
  src: string;
  /** the code object compared (found by name, depth first) */
  code: string;
  build(): CfgUnit;
}

const CO_FUNC = 0x3; // CO_OPTIMIZED | CO_NEWLOCALS
const CO_GENERATOR = 0x20;
const CO_COROUTINE = 0x80;

/** PUSH_NULL, LOAD_GLOBAL name, PRECALL 0, CALL 0, POP_TOP: a call statement `name()` */
function callStmt(g: Cfg, nameIndex: number, line: number, col: number, endCol: number, nameEnd: number): void {
  g.op('PUSH_NULL', 0, L(line, line, col, endCol))
    .op('LOAD_GLOBAL', nameIndex << 1, L(line, line, col, nameEnd))
    .op('PRECALL', 0, L(line, line, col, endCol))
    .op('CALL', 0, L(line, line, col, endCol))
    .op('POP_TOP', 0, L(line, line, col, endCol));
}

/** the implicit `return None` codegen adds (UNSET_LOC) */
function implicitReturn(g: Cfg): void {
  g.op('LOAD_CONST', 0, UNSET).op('RETURN_VALUE', 0, UNSET);
}

export const CASES: FlowgraphCase[] = [
  {
    name: 'if/else falling into a return with a line: the jump is kept (only line-less exits are copied)',
    src: 'def f(x):\n    if x:\n        y = 1\n    else:\n        y = 2\n    return 3\n',
    code: 'f',
    build() {
      const g = new Cfg([null, 1, 2, 3]);
      const end = g.newBlock();
      const next = g.newBlock();
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('LOAD_FAST', 0, L(2, 2, 7, 8)).op('POP_JUMP_IF_FALSE', 0, L(2, 5, 4, 13), next);
      g.op('LOAD_CONST', 1, L(3, 3, 12, 13)).op('STORE_FAST', 1, L(3, 3, 8, 9)).op('JUMP', 0, NOLINE, end);
      g.use(next).op('LOAD_CONST', 2, L(5, 5, 12, 13)).op('STORE_FAST', 1, L(5, 5, 8, 9));
      g.use(end).op('NOP', 0, L(6, 6, 11, 12)).op('LOAD_CONST', 3, L(6, 6, 11, 12)).op('RETURN_VALUE', 0, L(6, 6, 11, 12));
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 2 });
    },
  },
  {
    name: 'generator with an argument cell: MAKE_CELL, RETURN_GENERATOR, POP_TOP; start depth 1',
    src: 'def f(x):\n    def g(): return x\n    yield g\n',
    code: 'f',
    build() {
      const g = new Cfg([null, 'code g']);
      const at3 = L(2, 2, 4, 21);
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('LOAD_CLOSURE', 0, at3).op('BUILD_TUPLE', 1, at3).op('LOAD_CONST', 1, at3)
        .op('MAKE_FUNCTION', 8, at3).op('STORE_FAST', 1, at3);
      const y = L(3, 3, 4, 11);
      g.op('LOAD_FAST', 1, L(3, 3, 10, 11)).op('YIELD_VALUE', 0, y).op('RESUME', 1, y).op('POP_TOP', 0, y);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC | CO_GENERATOR, nlocals: 2, cellvars: ['x'], cellArgIndex: [0] });
    },
  },
  {
    name: 'try/except: handlers, lasti, the try NOP outside the table, line-less cleanup',
    src: 'def f():\n    try:\n        g()\n    except:\n        pass\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      const body = g.newBlock();
      let except = g.newBlock();
      const end = g.newBlock();
      const cleanup = g.newBlock();
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('SETUP_FINALLY', 0, L(2, 5, 4, 12), except);
      g.use(body);
      callStmt(g, 0, 3, 8, 11, 9);
      g.op('POP_BLOCK', 0, NOLINE).op('JUMP', 0, NOLINE, end);
      g.use(except).op('SETUP_CLEANUP', 0, UNSET, cleanup).op('PUSH_EXC_INFO', 0, UNSET);
      except = g.newBlock();
      const cleanupBody = g.newBlock();
      g.op('POP_TOP', 0, L(4, 5, 4, 12));
      g.use(cleanupBody).op('NOP', 0, L(5, 5, 8, 12)).op('POP_BLOCK', 0, UNSET).op('POP_EXCEPT', 0, UNSET).op('JUMP', 0, UNSET, end);
      g.use(except).op('RERAISE', 0, UNSET);
      g.use(cleanup).op('COPY', 3, UNSET).op('POP_EXCEPT', 0, UNSET).op('RERAISE', 1, UNSET);
      g.use(end);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 0 });
    },
  },
  {
    name: 'nested ifs: one line-less exit reached by two jumps and a fall-through is copied per jump',
    src: 'def f(x, y):\n    if x:\n        if y:\n            g()\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      const end1 = g.newBlock();
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('LOAD_FAST', 0, L(2, 2, 7, 8)).op('POP_JUMP_IF_FALSE', 0, L(2, 4, 4, 15), end1);
      g.op('LOAD_FAST', 1, L(3, 3, 11, 12));
      const end3 = g.newBlock();
      g.op('POP_JUMP_IF_FALSE', 0, L(3, 4, 8, 15), end3);
      callStmt(g, 0, 4, 12, 15, 13);
      g.use(end3).use(end1);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 2 });
    },
  },
  {
    name: 'tuple assignment: BUILD_TUPLE + UNPACK_SEQUENCE → SWAP → reordered stores',
    src: 'def f(c, d):\n    a, b = c, d\n    a, b, e = c, d, e\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      g.op('RESUME', 0, L(1, 1, 0, 0))
        .op('LOAD_FAST', 0, L(2, 2, 11, 12)).op('LOAD_FAST', 1, L(2, 2, 14, 15)).op('BUILD_TUPLE', 2, L(2, 2, 11, 15))
        .op('UNPACK_SEQUENCE', 2, L(2, 2, 4, 8)).op('STORE_FAST', 2, L(2, 2, 4, 5)).op('STORE_FAST', 3, L(2, 2, 7, 8));
      g.op('LOAD_FAST', 0, L(3, 3, 14, 15)).op('LOAD_FAST', 1, L(3, 3, 17, 18)).op('LOAD_FAST', 4, L(3, 3, 20, 21))
        .op('BUILD_TUPLE', 3, L(3, 3, 14, 21)).op('UNPACK_SEQUENCE', 3, L(3, 3, 4, 11))
        .op('STORE_FAST', 2, L(3, 3, 4, 5)).op('STORE_FAST', 3, L(3, 3, 7, 8)).op('STORE_FAST', 4, L(3, 3, 10, 11));
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 5 });
    },
  },
  {
    name: 'while 1: constant conditions, jump threading, dead return removed, consts trimmed',
    src: 'def f():\n    while 1: g()\n',
    code: 'f',
    build() {
      const g = new Cfg([null, 1]);
      const loop = g.newBlock();
      const body = g.newBlock();
      const anchor = g.newBlock();
      const end = g.newBlock();
      const w = L(2, 2, 4, 16);
      g.op('RESUME', 0, L(1, 1, 0, 0));
      g.use(loop).op('LOAD_CONST', 1, L(2, 2, 10, 11)).op('POP_JUMP_IF_FALSE', 0, w, anchor);
      g.use(body);
      callStmt(g, 0, 2, 13, 16, 14);
      g.op('LOAD_CONST', 1, L(2, 2, 10, 11)).op('POP_JUMP_IF_TRUE', 0, w, body);
      g.use(anchor).use(end);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 0 });
    },
  },
  {
    name: 'pass NOPs: a NOP hands its location to a line-less jump; loop exits copied',
    src: 'def f(x):\n    if x: pass\n    else: g()\n    while x:\n        pass\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      const end = g.newBlock();
      const next = g.newBlock();
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('LOAD_FAST', 0, L(2, 2, 7, 8)).op('POP_JUMP_IF_FALSE', 0, L(2, 3, 4, 13), next);
      g.op('NOP', 0, L(2, 2, 10, 14)).op('JUMP', 0, NOLINE, end);
      g.use(next);
      callStmt(g, 0, 3, 10, 13, 11);
      g.use(end);
      const loop = g.newBlock();
      const body = g.newBlock();
      const anchor = g.newBlock();
      const wend = g.newBlock();
      const w = L(4, 5, 4, 12);
      g.use(loop).op('LOAD_FAST', 0, L(4, 4, 10, 11)).op('POP_JUMP_IF_FALSE', 0, w, anchor);
      g.use(body).op('NOP', 0, L(5, 5, 8, 12)).op('LOAD_FAST', 0, L(4, 4, 10, 11)).op('POP_JUMP_IF_TRUE', 0, w, body);
      g.use(anchor).use(wend);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 1 });
    },
  },
  {
    name: 'for loop with if/else: line-less jump to the line-less back jump is threaded',
    src: 'def f(x):\n    for a in x:\n        if a:\n            g()\n        else:\n            h()\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      const start = g.newBlock();
      const body = g.newBlock();
      const cleanup = g.newBlock();
      const end = g.newBlock();
      const forLoc = L(2, 6, 4, 15);
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('LOAD_FAST', 0, L(2, 2, 13, 14)).op('GET_ITER', 0, forLoc);
      g.use(start).op('FOR_ITER', 0, forLoc, cleanup);
      g.use(body).op('STORE_FAST', 1, L(2, 2, 8, 9));
      const ifEnd = g.newBlock();
      const ifNext = g.newBlock();
      g.op('LOAD_FAST', 1, L(3, 3, 11, 12)).op('POP_JUMP_IF_FALSE', 0, L(3, 6, 8, 15), ifNext);
      callStmt(g, 0, 4, 12, 15, 13);
      g.op('JUMP', 0, NOLINE, ifEnd);
      g.use(ifNext);
      callStmt(g, 1, 6, 12, 15, 13);
      g.use(ifEnd).op('JUMP', 0, UNSET, start);
      g.use(cleanup).use(end);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 2 });
    },
  },
  {
    name: 'and/or: JUMP_IF_*_OR_POP threading and inversion',
    src: 'def f(x, y):\n    return x and y or g(x or y)\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      g.op('RESUME', 0, L(1, 1, 0, 0));
      const endOr = g.newBlock();
      const endAnd = g.newBlock();
      g.op('LOAD_FAST', 0, L(2, 2, 11, 12)).op('JUMP_IF_FALSE_OR_POP', 0, L(2, 2, 11, 18), endAnd);
      g.use(g.newBlock()).op('LOAD_FAST', 1, L(2, 2, 17, 18));
      g.use(endAnd).op('JUMP_IF_TRUE_OR_POP', 0, L(2, 2, 11, 31), endOr);
      g.use(g.newBlock()).op('PUSH_NULL', 0, L(2, 2, 22, 31)).op('LOAD_GLOBAL', 0, L(2, 2, 22, 23));
      const endOr2 = g.newBlock();
      g.op('LOAD_FAST', 0, L(2, 2, 24, 25)).op('JUMP_IF_TRUE_OR_POP', 0, L(2, 2, 24, 30), endOr2);
      g.use(g.newBlock()).op('LOAD_FAST', 1, L(2, 2, 29, 30));
      g.use(endOr2).op('PRECALL', 1, L(2, 2, 22, 31)).op('CALL', 1, L(2, 2, 22, 31));
      g.use(endOr).op('RETURN_VALUE', 0, L(2, 2, 4, 31));
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 2 });
    },
  },
  {
    name: 'defaults tuple: LOAD_CONST × 2 + BUILD_TUPLE folded into a new constant',
    src: 'def f():\n    def g(a=1, b=2): pass\n',
    code: 'f',
    build() {
      const g = new Cfg([null, 1, 2, 'code g']);
      const d = L(2, 2, 4, 25);
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('LOAD_CONST', 1, L(2, 2, 12, 13)).op('LOAD_CONST', 2, L(2, 2, 17, 18))
        .op('BUILD_TUPLE', 2, d).op('LOAD_CONST', 3, d).op('MAKE_FUNCTION', 1, d).op('STORE_FAST', 0, d);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 1 });
    },
  },
  {
    name: 'with: SETUP_WITH/SETUP_CLEANUP handlers with lasti, the exit copied into the body',
    src: 'def f(x):\n    with x:\n        g()\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      const w = L(2, 3, 4, 11);
      const body = g.newBlock();
      const final = g.newBlock();
      const exit = g.newBlock();
      const cleanup = g.newBlock();
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('LOAD_FAST', 0, L(2, 2, 9, 10)).op('BEFORE_WITH', 0, w).op('SETUP_WITH', 0, w, final);
      g.use(body).op('POP_TOP', 0, w);
      callStmt(g, 0, 3, 8, 11, 9);
      g.op('POP_BLOCK', 0, UNSET);
      g.op('LOAD_CONST', 0, w).op('LOAD_CONST', 0, w).op('LOAD_CONST', 0, w).op('PRECALL', 2, w).op('CALL', 2, w)
        .op('POP_TOP', 0, w).op('JUMP', 0, w, exit);
      g.use(final).op('SETUP_CLEANUP', 0, w, cleanup).op('PUSH_EXC_INFO', 0, w).op('WITH_EXCEPT_START', 0, w);
      // compiler_with_except_finish
      const exit2 = g.newBlock();
      g.op('POP_JUMP_IF_TRUE', 0, UNSET, exit2).op('RERAISE', 2, UNSET);
      g.use(cleanup).op('COPY', 3, UNSET).op('POP_EXCEPT', 0, UNSET).op('RERAISE', 1, UNSET);
      g.use(exit2).op('POP_TOP', 0, UNSET).op('POP_BLOCK', 0, UNSET).op('POP_EXCEPT', 0, UNSET).op('POP_TOP', 0, UNSET).op('POP_TOP', 0, UNSET);
      g.use(exit);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 1 });
    },
  },
  {
    name: 'await: coroutine prefix, SEND and JUMP_NO_INTERRUPT → JUMP_BACKWARD_NO_INTERRUPT',
    src: 'async def f():\n    await g()\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      const aw = L(2, 2, 4, 13);
      g.op('RESUME', 0, L(1, 1, 0, 0)).op('PUSH_NULL', 0, L(2, 2, 10, 13)).op('LOAD_GLOBAL', 0, L(2, 2, 10, 11))
        .op('PRECALL', 0, L(2, 2, 10, 13)).op('CALL', 0, L(2, 2, 10, 13)).op('GET_AWAITABLE', 0, aw).op('LOAD_CONST', 0, aw);
      // compiler_add_yield_from
      const start = g.newBlock();
      const resume = g.newBlock();
      const exit = g.newBlock();
      g.use(start).op('SEND', 0, aw, exit);
      g.use(resume).op('YIELD_VALUE', 0, aw).op('RESUME', 3, aw).op('JUMP_NO_INTERRUPT', 0, aw, start);
      g.use(exit).op('POP_TOP', 0, aw);
      implicitReturn(g);
      return g.unit({ firstlineno: 1, flags: CO_FUNC | CO_COROUTINE, nlocals: 0 });
    },
  },
  {
    name: 'generator closure: COPY_FREE_VARS before RETURN_GENERATOR, free variable offsets',
    src: 'def f(x):\n    def g():\n        yield x\n    return g\n',
    code: 'g',
    build() {
      const g = new Cfg([null]);
      const y = L(3, 3, 8, 15);
      g.op('RESUME', 0, L(2, 2, 0, 0)).op('LOAD_DEREF', 0, L(3, 3, 14, 15)).op('YIELD_VALUE', 0, y).op('RESUME', 1, y).op('POP_TOP', 0, y);
      implicitReturn(g);
      return g.unit({ firstlineno: 2, flags: CO_FUNC | CO_GENERATOR | 0x10, nlocals: 0, freevars: ['x'] });
    },
  },
  {
    name: 'apply_static_swaps: no reordering of two stores to the same local (the SWAP stays)',
    src: 'def f(x, y):\n    a, a = x, y\n    return a\n',
    code: 'f',
    build() {
      const g = new Cfg([null]);
      g.op('RESUME', 0, L(1, 1, 0, 0))
        .op('LOAD_FAST', 0, L(2, 2, 11, 12)).op('LOAD_FAST', 1, L(2, 2, 14, 15)).op('BUILD_TUPLE', 2, L(2, 2, 11, 15))
        .op('UNPACK_SEQUENCE', 2, L(2, 2, 4, 8)).op('STORE_FAST', 2, L(2, 2, 4, 5)).op('STORE_FAST', 2, L(2, 2, 7, 8))
        .op('LOAD_FAST', 2, L(3, 3, 11, 12)).op('RETURN_VALUE', 0, L(3, 3, 4, 12));
      return g.unit({ firstlineno: 1, flags: CO_FUNC, nlocals: 3 });
    },
  },
];
