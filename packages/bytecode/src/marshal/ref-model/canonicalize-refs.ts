// Rebuild a code-object tree with the object identity, `interned` and `ref` flags that CPython's
// compiler and marshal give it (3.11; 3.12 and 3.13 differ only as version-rules.ts says), so that
// MarshalWriter writes the bytes a fresh `python3.X -m py_compile` writes. The input's own
// identity and flags are ignored: only values are read. The walk replays the compile in CPython's
// order (compile.c):
//   - a unit's constants enter the module-wide constant cache in co_consts order, a nested code
//     object's unit being compiled (all of its constants cached) when the parent reaches it;
//   - at the end of a unit, assemble() merges its exceptiontable and linetable, makecode() its
//     names, consts and localsplusnames tuples (merge_const_one), and _PyCode_New interns its
//     names, identifier-like constants and localsplusnames — innermost code object first.
// Then marshal's view: reference counts decide FLAG_REF, and set elements are sorted.
import { CodeObject } from '../../code-object.js';
import { targetForVersion, type Target } from '../../target.js';
import {
  Kind,
  PyBytes,
  PyComplex,
  PyDict,
  PyFloat,
  PyFrozenSet,
  PyInt,
  PyList,
  PySet,
  PyStr,
  PyTuple,
  type PyValue,
} from '../../values.js';
import { marshalOptionsFor } from '../options.js';
import { ConstCache } from './const-cache.js';
import { orderSetElements } from './frozenset-order.js';
import { identifierConsts, type IdentifierConsts } from './identifier-consts.js';
import { InternTable } from './interning.js';
import { StrTable, type StrEntry } from './str-table.js';
import { freshPyCompileState, type ProcessState } from './process-state.js';
import { assignRefFlags } from './ref-flags.js';
import { Singletons } from './singletons.js';
import { isNewObjectConstant } from './new-object-hints.js';
import { versionRules, type VersionRules } from './version-rules.js';

export interface RefModelOptions {
  /** the CPython version whose pyc is reproduced; default 3.11 */
  target?: Target;
  /** what the compiling process interned before compiling; default: a fresh `python3.11 -m py_compile` */
  processState?: ProcessState;
  /** the caller holds the top-level code object, as py_compile and importlib do; default true */
  heldTopLevel?: boolean;
}

/** A new tree equal in value to `top`, with CPython's identity, interning and FLAG_REF pattern. */
export function canonicalizeRefs(top: CodeObject, options: RefModelOptions = {}): CodeObject {
  const target = options.target ?? targetForVersion('3.11')!;
  const state = options.processState ?? freshPyCompileState(target);
  const rules = versionRules(target);
  const model = new ModuleCompile(target, rules, state);
  model.parseIdentifiers(top);
  const out = model.compileUnit(top);
  if (options.heldTopLevel ?? true) model.held.push(out);
  for (const s of model.singletons.used) model.held.push(s);
  assignRefFlags(out, model.held);
  // most modules have no set constant: then there is nothing to order
  if (model.madeSets) orderSetElements(out, marshalOptionsFor(target), rules.setKeysFlagged);
  return out;
}

/** what the parser pass found in one code object, for its unit compile */
interface UnitIdentifiers {
  code: CodeObject;
  ids: IdentifierConsts;
  /** co_names and co_localsplusnames items as the parser's interned identifier objects */
  names: PyStr[];
  localsplusnames: PyStr[] | null;
  /** the StrTable entries of names and localsplusnames, item for item; null when an item has a utf8 form (its constant id is not its entry's) */
  nameEntries: StrEntry[] | null;
  localEntries: StrEntry[] | null;
}

class ModuleCompile {
  readonly singletons: Singletons;
  readonly interned: InternTable;
  readonly cache: ConstCache;
  /** what the module knows of each str value (shared by the interning and the constant cache) */
  private readonly strs: StrTable;
  /** objects referenced from outside the tree (see ref-flags.ts) */
  readonly held: { ref: boolean }[] = [];
  private filename: PyStr | null = null;
  /** whether any set or frozenset constant was made (only then does marshal's set order matter) */
  madeSets = false;

  constructor(
    private readonly target: Target,
    private readonly rules: VersionRules,
    state: ProcessState,
  ) {
    const strs = (this.strs = new StrTable());
    this.singletons = new Singletons(state.internedChars);
    this.interned = new InternTable(this.singletons, strs, state.internedStrings);
    this.cache = new ConstCache(strs);
  }

  /** parseIdentifiers' findings, in the order compileUnit reaches the code objects (pre-order) */
  private readonly units: UnitIdentifiers[] = [];
  private nextUnit = 0;

  /**
   * What the parser did before any code object is created: intern every identifier, as far as the
   * code objects show them (names, localsplusnames, identifier constants, co_name). Every such
   * value is marked first, so that a literal equal to one loses to the parser's object.
   */
  parseIdentifiers(top: CodeObject): void {
    const strs = this.strs;
    const mark = (value: string) => {
      strs.entry(value).identifier = true;
    };
    const markStrs = (t: PyTuple) => {
      const items = t.items;
      for (let i = 0; i < items.length; i++) {
        const v = items[i]!;
        if (v.kind === Kind.Str) mark(v.value);
      }
    };
    const walk = (co: CodeObject) => {
      const unit = this.unitIdentifiers(co);
      this.units.push(unit);
      if (co.name.kind === Kind.Str && isIdentifierName(co.name.value)) mark(co.name.value);
      const ids = unit.ids;
      if (ids.fromIdentifiers) {
        for (const i of ids.fromIdentifiers) {
          const c = co.consts.items[i];
          if (c?.kind === Kind.Tuple) markStrs(c);
          else if (c?.kind === Kind.Str) mark(c.value);
        }
      }
      const consts = co.consts.items;
      for (let i = 0; i < consts.length; i++) {
        const c = consts[i]!;
        if (c.kind === Kind.Code) walk(c);
      }
    };
    walk(top);
  }

  /** a code object's names, localsplusnames and identifier constants, as the parser pass reads them */
  private unitIdentifiers(co: CodeObject): UnitIdentifiers {
    let locals: PyStr[] | null = null;
    let localEntries: StrEntry[] | null = null;
    if (co.localsplusnames) {
      locals = [];
      localEntries = this.parserIdentifiers(co.localsplusnames.items, locals, false);
    }
    const names: PyStr[] = [];
    const nameEntries = this.parserIdentifiers(co.names.items, names, true);
    return { code: co, ids: identifierConsts(co, this.target), names, localsplusnames: locals, nameEntries, localEntries };
  }

  /**
   * Names or localsplusnames items, each marked as an identifier and made the interned object at
   * once (an identifier's canonical object does not depend on when it is made: it is a new
   * interned object, or the Latin-1 singleton as process-state.ts decides), pushed to `out`.
   * Returns their entries, or null when one has a utf8 form.
   */
  private parserIdentifiers(items: readonly PyValue[], out: PyStr[], dotted: boolean): StrEntry[] | null {
    let entries: StrEntry[] | null = [];
    for (let i = 0; i < items.length; i++) {
      const s = asStr(items[i]!);
      const e = this.strs.entry(s.value);
      e.identifier = true;
      out.push(this.interned.identifierAt(e, s.value, s.utf8));
      if (s.utf8 !== null) entries = null;
      else if (entries !== null) entries.push(e);
      // `import a.b.c` names the dotted string; its parts are NAME tokens too
      if (dotted && s.value.includes('.')) for (const p of s.value.split('.')) this.strs.entry(p).identifier = true;
    }
    return entries;
  }

  compileUnit(src: CodeObject): CodeObject {
    // (a code object inside a tuple constant, which parseIdentifiers did not list, is read here)
    let unit = this.units[this.nextUnit];
    if (unit?.code === src) this.nextUnit++;
    else unit = this.unitIdentifiers(src);
    const ids = unit.ids;
    let name = this.unitName(src.name);
    let qualname = this.unitQualname(src, name);

    const consts: PyValue[] = [];
    const items = src.consts.items;
    for (let i = 0; i < items.length; i++) {
      const c = items[i]!;
      if (c.kind === Kind.Code) {
        consts.push(this.compileUnit(c));
        continue;
      }
      // compiler_class adds u_qualname itself as the __qualname__ constant
      const fresh = i === ids.qualnameConst && qualname.value === strValue(c) ? qualname : this.fresh(c, ids.fromIdentifiers?.has(i) ?? false);
      consts.push(this.cache.mergeConstsRecursive(fresh));
    }

    // assemble()
    const exceptiontable = src.exceptiontable && this.cache.mergeConstOne(this.buffer(src.exceptiontable));
    const linetable = this.cache.mergeConstOne(this.buffer(src.linetable));
    // makecode()
    const builtNames = this.singletons.tuple(unit.names);
    const names = unit.nameEntries ? this.cache.mergeStrTuple(builtNames, unit.nameEntries) : this.cache.mergeConstOne(builtNames);
    const constsTuple = this.cache.mergeConstOne(this.singletons.tuple(consts));
    const builtLocals = unit.localsplusnames && this.singletons.tuple(unit.localsplusnames);
    const localsplusnames = builtLocals && (unit.localEntries ? this.cache.mergeStrTuple(builtLocals, unit.localEntries) : this.cache.mergeConstOne(builtLocals));
    // _PyCode_New. intern_strings leaves a tuple built here as it is (parserIdentifiers() gave it the
    // canonical objects, and a value's canonical object never changes); one the cache gave
    // instead may hold a literal's strings.
    if (names !== builtNames) this.interned.internStrings(names);
    this.interned.internStringConstants(constsTuple);
    if (localsplusnames && localsplusnames !== builtLocals) this.interned.internStrings(localsplusnames);
    let filename = this.filenameOf(src.filename);
    if (this.rules.internsCodeNames) {
      // 3.13's init_code; the class body's __qualname__ constant keeps u_qualname if it loses
      filename = this.interned.internInPlace(filename);
      name = this.interned.internInPlace(name);
      qualname = this.interned.internInPlace(qualname);
    }

    // co_code: the de-optimised copy the code object caches, so always one reference more
    // (new objects share the input's byte arrays: nothing writes into a value's bytes)
    const code = new PyBytes(src.code.value);
    this.held.push(code);
    const kinds = src.localspluskinds && (src.localspluskinds.value.length === 0 ? this.singletons.bytes(src.localspluskinds.value)! : new PyBytes(src.localspluskinds.value));

    return new CodeObject({
      layout: src.layout,
      argcount: src.argcount,
      posonlyargcount: src.posonlyargcount,
      kwonlyargcount: src.kwonlyargcount,
      nlocals: src.nlocals,
      stacksize: src.stacksize,
      flags: src.flags,
      code,
      consts: constsTuple,
      names,
      localsplusnames,
      localspluskinds: kinds,
      // not stored by the 3.11+ layout (versionRules has refused older targets)
      varnames: null,
      freevars: null,
      cellvars: null,
      filename,
      name,
      qualname,
      firstlineno: src.firstlineno,
      linetable,
      exceptiontable,
    });
  }

  /** co_name: the parser's identifier, one of compile.c's static names, or (3.12) a fresh string. */
  private unitName(v: PyStr | PyBytes): PyStr {
    const s = asStr(v);
    if (this.rules.staticUnitNames.has(s.value)) return this.singletons.staticName(s.value);
    if (this.rules.freshUnitName(s.value)) return new PyStr(s.value, false, false, s.utf8);
    return this.interned.identifier(s.value, s.utf8);
  }

  /**
   * co_qualname: compiler_set_qualname reuses u_name when nothing is prefixed; otherwise it is a
   * fresh concatenation (which a class body also stores as its __qualname__ constant).
   */
  private unitQualname(src: CodeObject, name: PyStr): PyStr {
    const q = src.qualname ?? name;
    return q.value === name.value ? name : new PyStr(q.value, false, false, q.utf8);
  }

  /** co_filename: the one path object the caller passed to compile(), shared by every code object. */
  private filenameOf(v: PyStr | PyBytes): PyStr {
    if (!this.filename) {
      const s = asStr(v);
      this.filename = new PyStr(s.value, false, false, s.utf8);
      this.held.push(this.filename);
    }
    return this.filename;
  }


  /** linetable / exceptiontable as assemble() leaves them: b'' is the singleton, others are new. */
  private buffer(v: PyBytes): PyBytes {
    return v.value.length === 0 ? this.singletons.bytes(v.value)! : new PyBytes(v.value);
  }

  /** A constant as the parser and AST optimiser create it: new objects, except the process singletons. */
  private fresh(v: PyValue, identifierItems = false): PyValue {
    switch (v.kind) {
      case Kind.None:
      case Kind.Bool:
      case Kind.Ellipsis:
      case Kind.StopIteration:
        return v;
      case Kind.Int:
        return this.singletons.smallInt(v.value) ?? new PyInt(v.value);
      case Kind.Float:
        return new PyFloat(v.value, false, v.bits);
      case Kind.Complex:
        return new PyComplex(v.real, v.imag, false, v.bits);
      case Kind.Str:
        if (isNewObjectConstant(v)) return new PyStr(v.value, false, false, v.utf8);
        return identifierItems ? this.interned.identifier(v.value, v.utf8) : this.interned.plain(v.value, v.utf8);
      case Kind.Bytes:
        return this.singletons.bytes(v.value) ?? new PyBytes(v.value.slice());
      case Kind.Tuple:
        return this.singletons.tuple(v.items.map((item) => this.fresh(item, identifierItems)));
      case Kind.FrozenSet:
        this.madeSets = true;
        return new PyFrozenSet(v.items.map((item) => this.fresh(item)));
      case Kind.Set:
        this.madeSets = true;
        return new PySet(v.items.map((item) => this.fresh(item)));
      case Kind.List:
        return new PyList(v.items.map((item) => this.fresh(item)));
      case Kind.Dict:
        return new PyDict(
          v.keys.map((k) => this.fresh(k)),
          v.values.map((x) => this.fresh(x)),
        );
      case Kind.Code:
        return this.compileUnit(v);
    }
  }
}

/** True when the parser produced co_name as an identifier (it interned it before compiling). */
function isIdentifierName(name: string): boolean {
  // every name compile.c makes itself (the static ones, 3.12's fresh '<generic parameters of …>',
  // '<listcomp>' where it is not static) starts with '<', which no identifier can
  return name.charCodeAt(0) !== 0x3c;
}

function asStr(v: PyValue): PyStr {
  if (v.kind === Kind.Str) return v;
  throw new TypeError('the marshal reference model expects str names (3.11+ code objects)');
}

function strValue(v: PyValue): string | null {
  return v.kind === Kind.Str ? v.value : null;
}
