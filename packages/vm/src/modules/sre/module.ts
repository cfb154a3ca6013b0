// The _sre module: compile() (what Lib/re/_compiler.py calls), the Pattern and Match types and
// their methods, over engine.ts. CPython counterpart: Modules/_sre/sre.c (pattern_*, match_*,
// scanner_*, _sre_compile_impl).
import { raise } from '../../errors.js';
import { builtinType, None, NotImplemented, PyObject, PyType } from '../../objects/object.js';
import { intFromNumber, newInt, pyBool, PyInt, True } from '../../objects/int.js';
import { newStr, PyStr } from '../../objects/str.js';
import { PyByteArray, PyBytes } from '../../objects/bytes.js';
import { newTuple, PyTuple } from '../../objects/tuple.js';
import { PyList } from '../../objects/list.js';
import { PyDict } from '../../objects/dict.js';
import { PyModule } from '../../objects/module.js';
import { PyMappingProxy } from '../../objects/mappingproxy.js';
import { builtinFunction, defMethod, type Kwargs } from '../../objects/native.js';
import { defGetSet } from '../../objects/descr.js';
import { PyNativeIter } from '../../objects/iterators.js';
import { defIteratorMethods } from '../../objects/iterator-methods.js';
import { defClassGetItem } from '../../objects/generic-alias.js';
import { indexErrorType, recursionErrorType, runtimeErrorType, typeErrorType } from '../../objects/exception-types.js';
import { asIndex } from '../../protocols/number.js';
import { callObject } from '../../protocols/call.js';
import { getAttr } from '../../protocols/getattr.js';
import { repr } from '../../protocols/repr.js';
import { pyHash } from '../../protocols/hash.js';
import { richCompareBool, CMP_EQ } from '../../protocols/compare.js';
import { isCallable } from '../../builtins/introspection.js';
import { importFullName } from '../path-import.js';
import { sysModules } from '../registry.js';
import { lowerAscii, lowerUnicode, upperUnicode } from './chars.js';
import { MatchState, MAXREPEAT, SreError, type Subject } from './engine.js';

function reType(name: string, flags = 0): PyType {
  const t = builtinType(name, undefined, flags);
  t.module = 're';
  return t;
}
const patternType = reType('Pattern');
const matchType = reType('Match');
const scannerType = reType('SRE_Scanner');
const callableIteratorType = builtinType('callable_iterator', undefined, 0);

const SRE_FLAG_UNICODE = 32;
const SRE_FLAG_LOCALE = 4;
const SRE_FLAG_ASCII = 256;
const FLAG_NAMES: readonly (readonly [number, string])[] = [
  [1, 're.TEMPLATE'], [2, 're.IGNORECASE'], [4, 're.LOCALE'], [8, 're.MULTILINE'], [16, 're.DOTALL'],
  [32, 're.UNICODE'], [64, 're.VERBOSE'], [128, 're.DEBUG'], [256, 're.ASCII'],
];

/** A string or bytes being matched: its characters and slices of it as Python objects. */
class Text {
  readonly chars: Subject;
  constructor(
    readonly obj: PyObject,
    readonly isBytes: boolean,
  ) {
    if (obj instanceof PyStr) {
      const v = obj.value;
      this.chars = codePoints(v);
    } else {
      this.chars = (obj as PyBytes | PyByteArray).value;
    }
  }
  get length(): number {
    return this.chars.length;
  }
  slice(a: number, b: number): PyObject {
    if (this.obj instanceof PyStr) {
      const v = this.obj.value;
      if (v.length === this.chars.length) return newStr(v.slice(a, b));
      let out = '';
      for (let i = a; i < b; i++) out += String.fromCodePoint(this.chars[i]!);
      return newStr(out);
    }
    return new PyBytes(Uint8Array.from((this.chars as Uint8Array).subarray(a, b)));
  }
}

/** a str's code points, once per str object (a program matches the same string many times) */
const textCache = new WeakMap<PyStr, Text>();
function codePoints(v: string): Uint32Array {
  const out = new Uint32Array(v.length);
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.codePointAt(i)!;
    out[n++] = c;
    if (c > 0xffff) i++;
  }
  return n === v.length ? out : out.slice(0, n);
}

class PyPattern extends PyObject {
  constructor(
    readonly pattern: PyObject,
    readonly flags: number,
    readonly code: number[],
    readonly groups: number,
    readonly groupindex: PyDict,
    readonly indexgroup: PyTuple,
    readonly isBytes: boolean,
  ) {
    super(patternType);
  }

  text(o: PyObject | undefined): Text {
    if (o instanceof PyStr) {
      if (this.isBytes) raise(typeErrorType, 'cannot use a bytes pattern on a string-like object');
      let t = textCache.get(o);
      if (t === undefined) {
        t = new Text(o, false);
        textCache.set(o, t);
      }
      return t;
    }
    if (o instanceof PyBytes || o instanceof PyByteArray) {
      if (!this.isBytes) raise(typeErrorType, 'cannot use a string pattern on a bytes-like object');
      return new Text(o, true);
    }
    raise(typeErrorType, `expected string or bytes-like object, got '${o?.type.name ?? 'NoneType'}'`);
  }

  state(text: Text, pos: number, endpos: number): { st: MatchState; pos: number } {
    const n = text.length;
    const start = Math.max(0, Math.min(pos, n));
    const end = Math.max(0, Math.min(endpos, n));
    return { st: new MatchState(this.code, text.chars, end, this.groups), pos: start };
  }
}

class PyMatch extends PyObject {
  constructor(
    readonly pattern: PyPattern,
    readonly text: Text,
    readonly pos: number,
    readonly endpos: number,
    /** group 0's span, then every group's (-1: unmatched) */
    readonly spans: number[],
    readonly lastindex: number,
  ) {
    super(matchType);
  }

  group(i: number): PyObject {
    const a = this.spans[2 * i]!;
    const b = this.spans[2 * i + 1]!;
    return a < 0 || b < 0 ? None : this.text.slice(a, b);
  }

  /** a group number from an int or a group name */
  index(g: PyObject): number {
    let i = -1;
    if (g instanceof PyInt) i = Number(g.value);
    else if (g instanceof PyStr || g.type.lookup('__index__') === undefined) {
      const v = this.pattern.groupindex.get(g);
      if (v instanceof PyInt) i = Number(v.value);
    } else i = Number(asIndex(g));
    if (i < 0 || i > this.pattern.groups) raise(indexErrorType, 'no such group');
    return i;
  }
}

/** The match of state `st` that started at `start`, as a Match object. */
function newMatch(p: PyPattern, text: Text, pos: number, endpos: number, st: MatchState, start: number): PyMatch {
  const spans = [start, st.matchEnd];
  for (let g = 0; g < p.groups; g++) {
    const a = st.marks[2 * g]!;
    const b = st.marks[2 * g + 1]!;
    if (a >= 0 && b >= 0 && a <= b) spans.push(a, b);
    else spans.push(-1, -1);
  }
  return new PyMatch(p, text, pos, Math.min(endpos, text.length), spans, st.lastindex);
}

/** Engine failures become Python errors (a JS stack overflow: RecursionError, as deep as CPython's limit allows). */
function guarded<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SreError) raise(runtimeErrorType, err.message);
    if (err instanceof RangeError) raise(recursionErrorType, 'maximum recursion depth exceeded in regular expression matching');
    throw err;
  }
}

/** Positional-or-keyword arguments of a method, by name; undefined where not given. */
function bind(fn: string, a: PyObject[], kw: Kwargs | null, names: string[]): (PyObject | undefined)[] {
  const out: (PyObject | undefined)[] = names.map((_, i) => a[i]);
  if (a.length > names.length) raise(typeErrorType, `${fn}() takes at most ${names.length} arguments (${a.length} given)`);
  if (kw) {
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) raise(typeErrorType, `${fn}() got an unexpected keyword argument '${k}'`);
      if (out[i] !== undefined) raise(typeErrorType, `argument for ${fn}() given by name ('${k}') and position (${i + 1})`);
      out[i] = v;
    }
  }
  return out;
}

function posArg(o: PyObject | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  const v = asIndex(o);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : v < -BigInt(Number.MAX_SAFE_INTEGER) ? -Number.MAX_SAFE_INTEGER : Number(v);
}

type Mode = 'match' | 'fullmatch' | 'search';

function matchMethod(mode: Mode) {
  return (a: PyObject[], kw: Kwargs | null): PyObject => {
    const p = a[0] as PyPattern;
    const [s, pos, endpos] = bind(mode, a.slice(1), kw, ['string', 'pos', 'endpos']);
    if (s === undefined) raise(typeErrorType, `${mode}() missing required argument 'string' (pos 1)`);
    const text = p.text(s);
    const start = posArg(pos, 0);
    const stop = posArg(endpos, Number.MAX_SAFE_INTEGER);
    const { st, pos: from } = p.state(text, start, stop);
    return guarded(() => {
      if (from > st.end) return None;
      if (mode === 'search') {
        const b = st.search(from);
        return b < 0 ? None : newMatch(p, text, from, stop, st, b);
      }
      st.matchAll = mode === 'fullmatch';
      return st.matchAt(from) ? newMatch(p, text, from, stop, st, from) : None;
    });
  };
}

/** Every match from `pos` (an empty match is not repeated where the previous one ended), lazily. */
function* matches(p: PyPattern, text: Text, pos: number, endpos: number): Generator<PyMatch> {
  const { st, pos: from } = p.state(text, pos, endpos);
  let at = from;
  while (at <= st.end) {
    const b = guarded(() => st.search(at));
    if (b < 0) return;
    const m = newMatch(p, text, from, endpos, st, b);
    yield m;
    st.mustAdvance = st.matchEnd === b;
    at = st.matchEnd;
  }
}

function joinPieces(p: PyPattern, text: Text, pieces: PyObject[]): PyObject {
  if (!text.isBytes) {
    let out = '';
    for (const x of pieces) {
      if (!(x instanceof PyStr)) raise(typeErrorType, `sequence item ${pieces.indexOf(x)}: expected str instance, ${x.type.name} found`);
      out += x.value;
    }
    return newStr(out);
  }
  const parts: Uint8Array[] = [];
  for (const x of pieces) {
    if (!(x instanceof PyBytes || x instanceof PyByteArray)) raise(typeErrorType, `sequence item ${pieces.indexOf(x)}: expected a bytes-like object, ${x.type.name} found`);
    parts.push(x.value);
  }
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of parts) {
    out.set(x, o);
    o += x.length;
  }
  return new PyBytes(out);
}

function reModule(): PyModule {
  const b = (sysModules().getStr('builtins') as PyModule).dict;
  return importFullName('re', b);
}

/** pattern_subx: (result, number of replacements) */
function subx(p: PyPattern, repl: PyObject, s: PyObject, count: number): [PyObject, number] {
  const text = p.text(s);
  let filter: PyObject = repl;
  let callable = isCallable(repl);
  if (!callable) {
    const literal = (repl instanceof PyStr && !repl.value.includes('\\')) || ((repl instanceof PyBytes || repl instanceof PyByteArray) && !repl.value.includes(92));
    if (!literal) {
      filter = callObject(getAttr(reModule(), '_subx'), [p, repl], null);
      callable = isCallable(filter);
    }
  }
  const pieces: PyObject[] = [];
  let n = 0;
  let last = 0;
  for (const m of matches(p, text, 0, Number.MAX_SAFE_INTEGER)) {
    if (count > 0 && n >= count) break;
    const b = m.spans[0]!;
    const e = m.spans[1]!;
    if (last < b) pieces.push(text.slice(last, b));
    if (callable) {
      const item = callObject(filter, [m], null);
      if (item !== None) pieces.push(item);
    } else pieces.push(filter);
    n++;
    last = e;
  }
  if (last < text.length) pieces.push(text.slice(last, text.length));
  return [joinPieces(p, text, pieces), n];
}

function patternRepr(p: PyPattern): string {
  let flags = p.flags;
  if ((flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) === SRE_FLAG_UNICODE) flags &= ~SRE_FLAG_UNICODE;
  const names: string[] = [];
  for (const [bit, name] of FLAG_NAMES) {
    if (flags & bit) {
      names.push(name);
      flags &= ~bit;
    }
  }
  if (flags) names.push(`0x${flags.toString(16)}`);
  const pat = repr(p.pattern).slice(0, 200);
  return names.length ? `re.compile(${pat}, ${names.join('|')})` : `re.compile(${pat})`;
}

function initPattern(): void {
  const t = patternType;
  const self = (o: PyObject) => o as PyPattern;
  defMethod(t, 'match', matchMethod('match'));
  defMethod(t, 'fullmatch', matchMethod('fullmatch'));
  defMethod(t, 'search', matchMethod('search'));
  const iterArgs = (fn: string, a: PyObject[], kw: Kwargs | null) => {
    const p = self(a[0]!);
    const [s, pos, endpos] = bind(fn, a.slice(1), kw, ['string', 'pos', 'endpos']);
    return { p, text: p.text(s), pos: posArg(pos, 0), endpos: posArg(endpos, Number.MAX_SAFE_INTEGER) };
  };
  defMethod(t, 'findall', (a, kw) => {
    const { p, text, pos, endpos } = iterArgs('findall', a, kw);
    const out: PyObject[] = [];
    const groupOrEmpty = (m: PyMatch, g: number) => (m.spans[2 * g]! < 0 ? text.slice(0, 0) : m.group(g));
    for (const m of matches(p, text, pos, endpos)) {
      if (p.groups === 0) out.push(m.group(0));
      else if (p.groups === 1) out.push(groupOrEmpty(m, 1));
      else out.push(newTuple(Array.from({ length: p.groups }, (_, g) => groupOrEmpty(m, g + 1))));
    }
    return new PyList(out);
  });
  defMethod(t, 'finditer', (a, kw) => {
    const { p, text, pos, endpos } = iterArgs('finditer', a, kw);
    const g = matches(p, text, pos, endpos);
    return new PyNativeIter(callableIteratorType, () => {
      const r = g.next();
      return r.done ? null : r.value;
    });
  });
  defMethod(t, 'scanner', (a, kw) => {
    const { p, text, pos, endpos } = iterArgs('scanner', a, kw);
    return new PyScanner(p, text, pos, endpos);
  });
  const subArgs = (fn: string, a: PyObject[], kw: Kwargs | null) => {
    const [repl, s, count] = bind(fn, a.slice(1), kw, ['repl', 'string', 'count']);
    if (repl === undefined || s === undefined) raise(typeErrorType, `${fn}() missing required argument '${repl === undefined ? 'repl' : 'string'}'`);
    return subx(self(a[0]!), repl, s, posArg(count, 0));
  };
  defMethod(t, 'sub', (a, kw) => subArgs('sub', a, kw)[0]);
  defMethod(t, 'subn', (a, kw) => {
    const [r, n] = subArgs('subn', a, kw);
    return newTuple([r, intFromNumber(n)]);
  });
  defMethod(t, 'split', (a, kw) => {
    const p = self(a[0]!);
    const [s, maxsplit] = bind('split', a.slice(1), kw, ['string', 'maxsplit']);
    const text = p.text(s);
    const max = posArg(maxsplit, 0);
    const out: PyObject[] = [];
    let last = 0;
    let n = 0;
    for (const m of matches(p, text, 0, Number.MAX_SAFE_INTEGER)) {
      if (max > 0 && n >= max) break;
      out.push(text.slice(last, m.spans[0]!));
      for (let g = 1; g <= p.groups; g++) out.push(m.group(g));
      n++;
      last = m.spans[1]!;
    }
    out.push(text.slice(last, text.length));
    return new PyList(out);
  });
  defMethod(t, '__repr__', (a) => newStr(patternRepr(self(a[0]!))));
  defMethod(t, '__eq__', (a) => {
    const x = self(a[0]!);
    const y = a[1]!;
    if (!(y instanceof PyPattern)) return NotImplemented;
    return pyBool(x === y || (x.flags === y.flags && x.isBytes === y.isBytes && richCompareBool(x.pattern, y.pattern, CMP_EQ) && x.code.join() === y.code.join()));
  });
  defMethod(t, '__hash__', (a) => newInt(pyHash(self(a[0]!).pattern) ^ BigInt(self(a[0]!).flags)));
  defMethod(t, '__copy__', (a) => a[0]!);
  defMethod(t, '__deepcopy__', (a) => a[0]!);
  defGetSet(t, 'pattern', (o) => self(o).pattern);
  defGetSet(t, 'flags', (o) => intFromNumber(self(o).flags));
  defGetSet(t, 'groups', (o) => intFromNumber(self(o).groups));
  // an empty one is a fresh dict (CPython keeps no groupindex then)
  defGetSet(t, 'groupindex', (o) => (self(o).groupindex.size === 0 ? new PyDict() : new PyMappingProxy(self(o).groupindex)));
  defClassGetItem(t);
}

class PyScanner extends PyObject {
  private at: number;
  private readonly st: MatchState;
  private done = false;
  constructor(
    readonly pattern: PyPattern,
    readonly text: Text,
    readonly pos: number,
    readonly endpos: number,
  ) {
    super(scannerType);
    const { st, pos: from } = pattern.state(text, pos, endpos);
    this.st = st;
    this.at = from;
  }
  next(search: boolean): PyObject {
    if (this.done || this.at > this.st.end) return None;
    const st = this.st;
    const b = guarded(() => (search ? st.search(this.at) : st.matchAt(this.at) ? this.at : -1));
    if (b < 0) {
      this.done = true;
      return None;
    }
    const m = newMatch(this.pattern, this.text, this.pos, this.endpos, st, b);
    st.mustAdvance = st.matchEnd === b;
    this.at = st.matchEnd;
    return m;
  }
}

function initScanner(): void {
  defMethod(scannerType, 'match', (a) => (a[0] as PyScanner).next(false));
  defMethod(scannerType, 'search', (a) => (a[0] as PyScanner).next(true));
  defGetSet(scannerType, 'pattern', (o) => (o as PyScanner).pattern);
}

function initMatch(): void {
  const t = matchType;
  const self = (o: PyObject) => o as PyMatch;
  defMethod(t, 'group', (a) => {
    const m = self(a[0]!);
    if (a.length <= 1) return m.group(0);
    if (a.length === 2) return m.group(m.index(a[1]!));
    return newTuple(a.slice(1).map((g) => m.group(m.index(g))));
  });
  defMethod(t, '__getitem__', (a) => self(a[0]!).group(self(a[0]!).index(a[1]!)));
  defMethod(t, 'groups', (a, kw) => {
    const m = self(a[0]!);
    const [dflt] = bind('groups', a.slice(1), kw, ['default']);
    return newTuple(Array.from({ length: m.pattern.groups }, (_, g) => (m.spans[2 * g + 2]! < 0 ? dflt ?? None : m.group(g + 1))));
  });
  defMethod(t, 'groupdict', (a, kw) => {
    const m = self(a[0]!);
    const [dflt] = bind('groupdict', a.slice(1), kw, ['default']);
    const d = new PyDict();
    for (const [k, v] of m.pattern.groupindex.entries()) {
      const g = Number((v as PyInt).value);
      d.set(k, m.spans[2 * g]! < 0 ? dflt ?? None : m.group(g));
    }
    return d;
  });
  const spanOf = (a: PyObject[]) => {
    const m = self(a[0]!);
    const g = a[1] === undefined ? 0 : m.index(a[1]);
    return [m.spans[2 * g]!, m.spans[2 * g + 1]!] as const;
  };
  defMethod(t, 'start', (a) => intFromNumber(spanOf(a)[0]));
  defMethod(t, 'end', (a) => intFromNumber(spanOf(a)[1]));
  defMethod(t, 'span', (a) => newTuple(spanOf(a).map(intFromNumber)));
  defMethod(t, 'expand', (a) => callObject(getAttr(reModule(), '_expand'), [self(a[0]!).pattern, a[0]!, a[1]!], null));
  defMethod(t, '__repr__', (a) => {
    const m = self(a[0]!);
    return newStr(`<re.Match object; span=(${m.spans[0]}, ${m.spans[1]}), match=${repr(m.group(0)).slice(0, 50)}>`);
  });
  defMethod(t, '__bool__', () => True);
  defMethod(t, '__copy__', (a) => a[0]!);
  defMethod(t, '__deepcopy__', (a) => a[0]!);
  defGetSet(t, 'string', (o) => self(o).text.obj);
  defGetSet(t, 're', (o) => self(o).pattern);
  defGetSet(t, 'pos', (o) => intFromNumber(self(o).pos));
  defGetSet(t, 'endpos', (o) => intFromNumber(self(o).endpos));
  defGetSet(t, 'lastindex', (o) => (self(o).lastindex < 0 ? None : intFromNumber(self(o).lastindex)));
  defGetSet(t, 'lastgroup', (o) => {
    const m = self(o);
    if (m.lastindex < 0) return None;
    return m.pattern.indexgroup.items[m.lastindex] ?? None;
  });
  defGetSet(t, 'regs', (o) => {
    const m = self(o);
    return newTuple(Array.from({ length: m.pattern.groups + 1 }, (_, g) => newTuple([intFromNumber(m.spans[2 * g]!), intFromNumber(m.spans[2 * g + 1]!)])));
  });
  defClassGetItem(t);
}

let initialized = false;

export function makeSre(): PyModule {
  if (!initialized) {
    initialized = true;
    initPattern();
    initMatch();
    initScanner();
    defIteratorMethods(callableIteratorType);
  }
  const m = new PyModule('_sre');
  const d = m.dict;
  const def = (name: string, f: Parameters<typeof builtinFunction>[1]) => d.setStr(name, builtinFunction(name, f));
  d.setStr('MAGIC', intFromNumber(20220615));
  d.setStr('CODESIZE', intFromNumber(4));
  d.setStr('MAXREPEAT', intFromNumber(MAXREPEAT));
  d.setStr('MAXGROUPS', intFromNumber(1073741823));
  d.setStr('copyright', newStr(' SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB '));
  def('getcodesize', () => intFromNumber(4));
  const ch = (o: PyObject | undefined) => Number(asIndex(o ?? None));
  def('ascii_iscased', (a) => {
    const c = ch(a[0]);
    return pyBool(c < 128 && ((c | 32) >= 97 && (c | 32) <= 122));
  });
  def('unicode_iscased', (a) => {
    const c = ch(a[0]);
    return pyBool(c !== lowerUnicode(c) || c !== upperUnicode(c));
  });
  def('ascii_tolower', (a) => intFromNumber(lowerAscii(ch(a[0]))));
  def('unicode_tolower', (a) => intFromNumber(lowerUnicode(ch(a[0]))));
  def('compile', (a, kw) => {
    const [pattern, flags, code, groups, groupindex, indexgroup] = bind('compile', a, kw, ['pattern', 'flags', 'code', 'groups', 'groupindex', 'indexgroup']);
    if (!(code instanceof PyList)) raise(typeErrorType, 'compile() argument \'code\' must be list');
    const words = code.items.map((x) => Number(asIndex(x)));
    const isBytes = pattern instanceof PyBytes || pattern instanceof PyByteArray;
    return new PyPattern(
      pattern ?? None,
      Number(asIndex(flags ?? intFromNumber(0))),
      words,
      Number(asIndex(groups ?? intFromNumber(0))),
      groupindex instanceof PyDict ? groupindex : new PyDict(),
      indexgroup instanceof PyTuple ? indexgroup : newTuple([]),
      isBytes,
    );
  });
  return m;
}
