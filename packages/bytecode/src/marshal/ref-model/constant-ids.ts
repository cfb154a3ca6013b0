// _PyCode_ConstantKey as numbers: every value gets the id of its equivalence class under
// constant-key.ts's keys (equal ids exactly when the keys are equal), found without building the
// key strings for the common constants. A str is looked up by its own value, a tuple or frozenset
// by its items' ids, bytes by a hash of their contents; the rest fall back to constantKey.
import { Kind, type PyBytes, type PyValue } from '../../values.js';
import { constantKey } from './constant-key.js';

export class ConstantIds {
  private next = 0;
  /** plain str (no utf8 form) by value */
  private readonly strs = new Map<string, number>();
  /** bytes by a hash of their contents, each bucket holding [value, id] pairs */
  private readonly bytes = new Map<number, [Uint8Array, number][]>();
  /** tuples and frozensets by their items' ids ('<t…', '<f…': no constantKey starts with '<'), everything else by constantKey */
  private readonly composite = new Map<string, number>();

  /** the id of `v`'s class, allocating one for a value not seen before */
  of(v: PyValue): number {
    switch (v.kind) {
      case Kind.Str:
        return v.utf8 === null ? this.lookup(this.strs, v.value) : this.lookup(this.composite, constantKey(v));
      case Kind.Bytes:
        return this.bytesId(v);
      case Kind.Tuple: {
        let key = '<t';
        for (const item of v.items) key += this.of(item) + ',';
        return this.lookup(this.composite, key);
      }
      case Kind.FrozenSet: {
        // a frozenset of keys: element order does not matter
        const ids = v.items.map((item) => this.of(item)).sort((a, b) => a - b);
        return this.lookup(this.composite, '<f' + ids.join(','));
      }
      default:
        return this.lookup(this.composite, constantKey(v));
    }
  }

  private lookup(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = this.next++));
    return id;
  }

  private bytesId(v: PyBytes): number {
    const b = v.value;
    // FNV-1a over the bytes
    let h = 0x811c9dc5 ^ b.length;
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    let bucket = this.bytes.get(h);
    if (bucket === undefined) this.bytes.set(h, (bucket = []));
    for (const [other, id] of bucket) if (sameBytes(other, b)) return id;
    const id = this.next++;
    bucket.push([b, id]);
    return id;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
