// The counterpart of ast_optimize.py's sort_unordered_sets: a folded frozenset whose iteration
// order CPython does not make reproducible (an item hashed by address, such as None) gets its
// items sorted by repr on both sides before two dumps are compared.
import { Kind, pyRepr, PyFrozenSet, setIterationOrder, targetForVersion } from '@tspyc/bytecode';

const TARGET = targetForVersion('3.11')!;

export function sortUnorderedSets(node: unknown): void {
  if (Array.isArray(node)) {
    for (const x of node) sortUnorderedSets(x);
    return;
  }
  if (node === null || typeof node !== 'object' || !('_type' in node)) return;
  const n = node as Record<string, unknown>;
  if (n._type === 'Constant') {
    const v = n.value as PyFrozenSet;
    if (v.kind === Kind.FrozenSet && setIterationOrder(v.items, TARGET) === null) {
      const keyed = v.items.map((x) => [pyRepr(x, { target: TARGET }), x] as const);
      keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      n.value = new PyFrozenSet(keyed.map(([, x]) => x));
    }
    return;
  }
  for (const value of Object.values(n)) sortUnorderedSets(value);
}
