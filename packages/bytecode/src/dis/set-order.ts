// The iteration order of a set built by adding items one by one, as marshal.loads rebuilds a
// frozenset constant and as dis then prints it. CPython counterpart: Objects/setobject.c
// (set_add_entry with LINEAR_PROBES and perturbation, set_table_resize, set_insert_clean).
import type { Target } from '../target.js';
import type { PyValue } from '../values.js';
import { valueHash } from './value-hash.js';

const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;
const MINSIZE = 8;
const U64 = (1n << 64n) - 1n;

interface Slot {
  key: PyValue;
  hash: bigint;
}

/** Items in the order CPython iterates the set it builds from them; null when a hash is unknowable. */
export function setIterationOrder(items: readonly PyValue[], target: Target): PyValue[] | null {
  const hashes: bigint[] = [];
  for (const item of items) {
    const h = valueHash(item, target);
    if (h === null) return null;
    hashes.push(h);
  }
  let table: (Slot | null)[] = new Array(MINSIZE).fill(null);
  let mask = MINSIZE - 1;
  let fill = 0;
  let used = 0;
  for (let k = 0; k < items.length; k++) {
    const hash = hashes[k]!;
    insertClean(table, mask, { key: items[k]!, hash });
    fill++;
    used++;
    if (fill * 5 >= mask * 3) {
      const minused = used > 50000 ? used * 2 : used * 4;
      let size = MINSIZE;
      while (size <= minused) size <<= 1;
      const old = table;
      table = new Array(size).fill(null);
      mask = size - 1;
      for (const slot of old) if (slot) insertClean(table, mask, slot);
      fill = used;
    }
  }
  return table.filter((s): s is Slot => s !== null).map((s) => s.key);
}

/** set_insert_clean (new items never equal an existing one, so no comparison is needed). */
function insertClean(table: (Slot | null)[], mask: number, slot: Slot): void {
  const h = slot.hash & U64;
  let perturb = h;
  let i = Number(h & BigInt(mask));
  for (;;) {
    if (table[i] === null) {
      table[i] = slot;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === null) {
          table[i + j] = slot;
          return;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}
