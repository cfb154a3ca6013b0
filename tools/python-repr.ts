// Python repr() of the plain tuples/lists the oracle digests (ints, None, bools), for tests only.
export type PlainPy = number | boolean | null | PlainPy[] | { tuple: PlainPy[] };

export function pyRepr(v: PlainPy): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return '[' + v.map(pyRepr).join(', ') + ']';
  const items = v.tuple.map(pyRepr);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

export const tuple = (...items: PlainPy[]): PlainPy => ({ tuple: items });
