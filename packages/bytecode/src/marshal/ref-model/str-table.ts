// Everything one module compile records about a str value, under one hash lookup. The model asks
// three questions of every str it meets — did the parser intern it as an identifier, which object
// is its interned (canonical) one, and what is its constant-cache id — and answering each from its
// own Map hashed every string three times and grew three tables per module.
import type { PyStr } from '../../values.js';

export interface StrEntry {
  /** ConstantIds' id of the plain str (no utf8 form) with this value; -1 until asked for */
  constId: number;
  /** the interned object with this value, once something interned one (interning.ts) */
  canonical: PyStr | null;
  /** the parser saw it as a NAME (or a part of a dotted one): interned before any code object */
  identifier: boolean;
}

export class StrTable {
  private readonly entries = new Map<string, StrEntry>();

  /** the entry of `value`, made empty on first use */
  entry(value: string): StrEntry {
    let e = this.entries.get(value);
    if (e === undefined) {
      e = { constId: -1, canonical: null, identifier: false };
      this.entries.set(value, e);
    }
    return e;
  }
}
