// CPython prints a code object's memory address in its repr; tspyc prints a stable stand-in
// (the object's position in the file's code tree), so output is reproducible.
import type { CodeObject, ReprOptions } from '@tspyc/bytecode';

export function stableAddresses(root: CodeObject): ReprOptions {
  const ids = new Map<CodeObject, number>();
  const walk = (co: CodeObject) => {
    ids.set(co, ids.size);
    for (const c of co.nestedCode) walk(c);
  };
  walk(root);
  return { codeAddress: (co) => '0x' + (0x7f0000000000 + (ids.get(co) ?? 0) * 0x100).toString(16) };
}
