// String interning as a module compile sees it. CPython counterparts: Objects/codeobject.c
// (all_name_chars, intern_strings, intern_string_constants, called from _PyCode_New for each code
// object as it is created, innermost first) and PyUnicode_InternInPlace.
//
// The interned table maps a value to its one canonical object. Before the first code object is
// created it already holds every identifier the parser saw (the parser interns each NAME) and
// whatever the process interned before compiling (process-state.ts). Interning an object whose
// value has no canonical object yet makes that very object canonical; otherwise the slot is
// rewritten to point at the canonical one.
import { Kind, PyFrozenSet, PyStr, type PyTuple, type PyValue } from '../../values.js';
import { isSingletonStr, type Singletons } from './singletons.js';
import type { StrEntry, StrTable } from './str-table.js';

/** all_name_chars (3.11): ASCII letters, digits and '_' only; true for ''. */
export function allNameChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    if (!ok) return false;
  }
  return true;
}

export class InternTable {
  /**
   * @param strs the module's str entries: their identifier mark (values the parser interned as
   *   objects of their own before the first code object is created) and their canonical object
   * @param startupInterned values the process interned before compiling (process-state.ts); for a
   *   1-character value, that it interned an object other than the Latin-1 singleton (which then
   *   loses to it)
   */
  constructor(
    private readonly singletons: Singletons,
    private readonly strs: StrTable,
    private readonly startupInterned: (value: string) => boolean,
  ) {}

  /** The parser's identifier object for `value` (interned; '' and Latin-1 characters are the singletons). */
  identifier(value: string, utf8: Uint8Array | null = null): PyStr {
    return this.identifierAt(this.strs.entry(value), value, utf8);
  }

  /** identifier(), given `value`'s entry */
  identifierAt(e: StrEntry, value: string, utf8: Uint8Array | null): PyStr {
    // the canonical object when there is one (internInPlace would return it for any new object)
    return e.canonical ?? this.intern(e, this.plain(value, utf8));
  }

  /** A str as the parser makes a literal: a singleton, or a fresh non-interned object. */
  plain(value: string, utf8: Uint8Array | null): PyStr {
    if (isSingletonStr(value, utf8)) return this.singletons.str(value);
    return new PyStr(value, false, false, utf8);
  }

  /** PyUnicode_InternInPlace: the canonical object for `s`, making `s` canonical when there is none. */
  internInPlace(s: PyStr): PyStr {
    return this.intern(this.strs.entry(s.value), s);
  }

  private intern(e: StrEntry, s: PyStr): PyStr {
    if (e.canonical) return e.canonical;
    const before = isSingletonStr(s.value, s.utf8) ? this.startupInterned(s.value) : e.identifier || this.startupInterned(s.value);
    // interned before this compile: a distinct object already exists
    if (before) return (e.canonical = new PyStr(s.value, true, false, s.utf8));
    s.interned = true;
    return (e.canonical = s);
  }

  /** intern_strings: every item of a names tuple, in place. */
  internStrings(tuple: PyTuple): void {
    const items = tuple.items;
    for (let i = items.length - 1; i >= 0; i--) {
      const v = items[i]!;
      if (v.kind === Kind.Str) items[i] = this.internInPlace(v);
    }
  }

  /**
   * intern_string_constants: identifier-like str constants at any tuple depth, in place. A
   * frozenset cannot be changed in place, so one whose elements had to be replaced is rebuilt
   * for this slot (and `modified` reports it to an enclosing frozenset).
   */
  internStringConstants(tuple: { items: PyValue[] }): boolean {
    let modified = false;
    const items = tuple.items;
    for (let i = items.length - 1; i >= 0; i--) {
      const v = items[i]!;
      if (v.kind === Kind.Str) {
        if (allNameChars(v.value) && v.utf8 === null) {
          const w = this.internInPlace(v);
          if (w !== v) {
            items[i] = w;
            modified = true;
          }
        }
      } else if (v.kind === Kind.Tuple) {
        this.internStringConstants(v);
      } else if (v.kind === Kind.FrozenSet) {
        const tmp = { items: v.items.slice() };
        if (this.internStringConstants(tmp)) {
          items[i] = new PyFrozenSet(tmp.items);
          modified = true;
        }
      }
    }
    return modified;
  }
}
