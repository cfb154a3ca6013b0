// Unit tests of the symbol table's API. Parity with CPython is tests/differential/symtable.test.ts;
// the expectations here are CPython 3.11's documented rules, worked out by hand.
import { describe, expect, it } from 'vitest';
import { parse } from '../parser/index.js';
import { PySyntaxError } from '../diagnostics/index.js';
import type { ClassDef, FunctionDef, Module } from '../ast/index.js';
import {
  BlockType,
  buildSymtable,
  CELL,
  cellvars,
  CO_GENERATOR,
  CO_NESTED,
  CO_NEWLOCALS,
  CO_OPTIMIZED,
  CO_VARARGS,
  computeCodeFlags,
  freevars,
  ComprehensionType,
  CO_FUTURE_ANNOTATIONS,
  DEF_COMP_ITER,
  DEF_FREE_CLASS,
  DEF_GLOBAL,
  DEF_LOCAL,
  DEF_PARAM,
  FREE,
  futureFromAST,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  mangle,
  PyRecursionError,
  scopeOf,
  USE,
} from './index.js';

const table = (src: string) => buildSymtable(parse(src, { filename: 't.py' }), 't.py', { source: src });

describe('mangle (_Py_Mangle)', () => {
  it('mangles __private names inside a class', () => {
    expect(mangle('Ham', '__spam')).toBe('_Ham__spam');
    expect(mangle('_Ham', '__spam')).toBe('_Ham__spam');
    expect(mangle('__Ham', '__spam_')).toBe('_Ham__spam_');
  });
  it('leaves other names alone', () => {
    expect(mangle(null, '__spam')).toBe('__spam');
    expect(mangle('Ham', '_spam')).toBe('_spam');
    expect(mangle('Ham', '__init__')).toBe('__init__');
    expect(mangle('Ham', '__')).toBe('__');
    expect(mangle('Ham', '__a.b')).toBe('__a.b');
    expect(mangle('___', '__spam')).toBe('__spam');
  });
});

describe('buildSymtable', () => {
  it('gives one block per scope, reachable from its AST node', () => {
    const src = 'class C:\n    def m(self, *a, **k):\n        return [x for x in a]\n';
    const tree = parse(src) as Module;
    const st = buildSymtable(tree, 't.py');
    const cls = tree.body[0] as ClassDef;
    const m = cls.body[0] as FunctionDef;
    expect(st.top.type).toBe(BlockType.ModuleBlock);
    expect(st.top.name).toBe('top');
    expect(st.lookup(tree)).toBe(st.top);
    const c = st.lookup(cls);
    expect([c.type, c.name, c.lineno]).toEqual([BlockType.ClassBlock, 'C', 1]);
    const f = st.lookup(m);
    expect([f.type, f.name, f.varnames, f.varargs, f.varkeywords, f.nested]).toEqual([BlockType.FunctionBlock, 'm', ['self', 'a', 'k'], true, true, false]);
    const comp = f.children[0]!;
    expect([comp.name, comp.comprehension, comp.varnames, comp.nested]).toEqual(['listcomp', ComprehensionType.ListComprehension, ['.0'], true]);
    expect(comp.getSymbol('x') & (DEF_LOCAL | DEF_COMP_ITER)).toBe(DEF_LOCAL | DEF_COMP_ITER);
    expect(f.getSymbol('self')).toBe(DEF_PARAM | (LOCAL << 11));
  });

  it('resolves local, global, free and cell scopes', () => {
    const st = table('g = 1\ndef f(p):\n    global h\n    c = 1\n    def inner():\n        return c + g + h + p\n    return inner\n');
    const f = st.top.children[0]!;
    const inner = f.children[0]!;
    expect(f.getScope('c')).toBe(CELL);
    expect(f.getScope('p')).toBe(CELL);
    expect(f.getScope('h')).toBe(GLOBAL_EXPLICIT);
    expect(f.getScope('inner')).toBe(LOCAL);
    expect(inner.getScope('c')).toBe(FREE);
    expect(inner.getScope('p')).toBe(FREE);
    expect(inner.getScope('g')).toBe(GLOBAL_IMPLICIT);
    expect(inner.getScope('h')).toBe(GLOBAL_IMPLICIT);
    expect(inner.free).toBe(true);
    expect(f.childFree).toBe(true);
    expect(st.top.getSymbol('h') & DEF_GLOBAL).toBe(DEF_GLOBAL);
    expect(scopeOf(inner.getSymbol('c'))).toBe(FREE);
  });

  it('gives a class the __class__ cell its methods use, and marks class-level names used free', () => {
    const st = table('def outer():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return super(), x\n');
    const c = st.top.children[0]!.children[0]!;
    expect(c.needsClassClosure).toBe(true);
    expect(c.getSymbol('x') & DEF_FREE_CLASS).toBe(DEF_FREE_CLASS);
    expect(c.children[0]!.getScope('__class__')).toBe(FREE);
  });

  it('records generators, coroutines and returns', () => {
    const st = table('def g():\n    yield 1\nasync def a():\n    await x\n    return 2\nasync def ag():\n    yield 1\n');
    const [g, a, ag] = st.top.children;
    expect([g!.isGenerator, g!.isCoroutine]).toEqual([true, false]);
    expect([a!.isGenerator, a!.isCoroutine, a!.returnsValue]).toEqual([false, true, true]);
    expect([ag!.isGenerator, ag!.isCoroutine]).toEqual([true, true]);
  });

  it('raises SyntaxError with the statement position and source line', () => {
    let err: unknown;
    try {
      table('def f(x):\n    global x\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PySyntaxError);
    const e = err as PySyntaxError;
    expect([e.msg, e.lineno, e.offset, e.endLineno, e.endOffset, e.text]).toEqual(["name 'x' is parameter and global", 2, 5, 2, 13, '    global x\n']);
  });

  it('keeps annotations out of the table under from __future__ import annotations', () => {
    const src = 'from __future__ import annotations\ndef f(x: A) -> B: pass\n';
    const tree = parse(src);
    expect(futureFromAST(tree, 't.py').features & CO_FUTURE_ANNOTATIONS).toBe(CO_FUTURE_ANNOTATIONS);
    const st = buildSymtable(tree, 't.py');
    expect(st.top.symbols.has('A')).toBe(false);
    expect(st.top.symbols.has('B')).toBe(false);
    const plain = table('def f(x: A) -> B: pass\n');
    expect(plain.top.getSymbol('A') & USE).toBe(USE);
  });

  it('raises RecursionError past 3 x the recursion limit', () => {
    const deep = parse('x = ' + Array(200).fill('a').join(' + ') + '\n');
    expect(() => buildSymtable(deep, 't.py', { recursionLimit: 60 })).toThrow(PyRecursionError);
    expect(() => buildSymtable(deep, 't.py', { recursionLimit: 70 })).not.toThrow();
  });

  it('gives compile.c\'s cell and free variable lists, sorted by code point as Python sorts str', () => {
    // U+AC00 sorts before U+20000 by code point, after it by UTF-16 unit (a surrogate is 0xD840)
    const st = table('def f(*a):\n    \u{20000} = \uac00 = b = 1\n    def g():\n        yield \u{20000}, \uac00, b, a\n    return g\n');
    const f = st.top.children[0]!;
    const g = f.children[0]!;
    expect(cellvars(f)).toEqual(['a', 'b', '\uac00', '\u{20000}']);
    expect(freevars(g)).toEqual(['a', 'b', '\uac00', '\u{20000}']);
    expect(computeCodeFlags(f)).toBe(CO_OPTIMIZED | CO_NEWLOCALS | CO_VARARGS);
    expect(computeCodeFlags(g)).toBe(CO_OPTIMIZED | CO_NEWLOCALS | CO_NESTED | CO_GENERATOR);
    expect(computeCodeFlags(st.top)).toBe(0);
    const c = table('class C:\n    def m(self):\n        return __class__\n').top.children[0]!;
    expect(cellvars(c)).toEqual(['__class__']);
  });

  it('gives analysis errors the global/nonlocal statement position and source line too', () => {
    let err: unknown;
    try {
      table('def f():\n    nonlocal zz\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PySyntaxError);
    const e = err as PySyntaxError;
    expect([e.msg, e.lineno, e.offset, e.endLineno, e.endOffset, e.text]).toEqual(["no binding for nonlocal 'zz' found", 2, 5, 2, 16, '    nonlocal zz\n']);
  });
});
