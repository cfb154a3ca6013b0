// str: a sequence of code points held as a JS string. Indexing is by code point: strings with
// astral characters (surrogate pairs in UTF-16) are indexed through an array of code points.
// CPython counterpart: Objects/unicodeobject.c (data; methods in str-methods.ts).
import { builtinType, PyObject, type PyType } from './object.js';

export const strType = builtinType('str');

export class PyStr extends PyObject {
  readonly value: string;
  /** code points when the string has surrogate pairs; null when UTF-16 units are code points; undefined = not computed */
  private cps: number[] | null | undefined;
  /** hash cache (CPython caches it on the object too) */
  hash: bigint | null;
  /**
   * The dict slot this str was last found at or stored in, in any dict: a hint that dict.ts checks
   * against the slot's key, so repeated lookups of one key (`d[k] = d.get(k, 0) + 1`) skip the index.
   */
  slot: number;
  constructor(value: string, type: PyType = strType) {
    super(type);
    this.value = value;
    this.cps = undefined;
    this.hash = null;
    this.slot = 0;
  }

  /** Code points, or null when every UTF-16 unit is one code point (the common case). */
  codePoints(): number[] | null {
    if (this.cps === undefined) {
      const s = this.value;
      let astral = false;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            astral = true;
            break;
          }
        }
      }
      this.cps = astral ? Array.from(s, (ch) => ch.codePointAt(0)!) : null;
    }
    return this.cps;
  }

  /** len() in code points. */
  get length(): number {
    const cps = this.codePoints();
    return cps ? cps.length : this.value.length;
  }
}

const interned = new Map<string, PyStr>();
const oneChar: PyStr[] = [];
for (let i = 0; i < 256; i++) oneChar.push(new PyStr(String.fromCharCode(i)));

export function newStr(s: string): PyStr {
  if (s.length === 1) {
    const c = s.charCodeAt(0);
    if (c < 256) return oneChar[c]!;
  }
  return new PyStr(s);
}

/** The shared str object for an identifier (attribute names, keyword names). */
export function internStr(s: string): PyStr {
  let o = interned.get(s);
  if (!o) {
    o = new PyStr(s);
    interned.set(s, o);
  }
  return o;
}

export const EMPTY_STR = new PyStr('');
