// How codegen merges a unit's code-object constants (compiler_add_const). Other constants merge by
// their _PyCode_ConstantKey class (@tspyc/bytecode's ConstantIds, in unit.ts); code objects are
// their own keys in CPython and merge when code_richcompare finds them equal (the same function
// compiled twice, as the two copies of a while loop's test, is one constant).
import { byteChars, constantKey as valueKey, Kind, type CodeObject, type PyValue } from '@tspyc/bytecode';

const codeKeys = new WeakMap<CodeObject, string>();

function codeKey(co: CodeObject): string {
  let key = codeKeys.get(co);
  if (key === undefined) {
    const items = (t: { items: PyValue[] } | null) => (t ? t.items.map(constantKey).join('|') : '');
    key = [
      co.coName, co.argcount, co.posonlyargcount, co.kwonlyargcount, co.flags, co.firstlineno, byteChars(co.code.value),
      items(co.consts), items(co.names), items(co.localsplusnames), byteChars(co.linetable.value), byteChars(co.exceptiontable?.value ?? new Uint8Array(0)),
    ].join(';');
    codeKeys.set(co, key);
  }
  return key;
}

function constantKey(v: PyValue): string {
  return v.kind === Kind.Code ? '<code ' + codeKey(v) + '>' : valueKey(v);
}

/**
 * code_richcompare as the constant cache sees it. The full keys are built only when the cheap
 * fields agree, which is rare: most code constants of a unit differ in name or first line.
 */
export function sameCode(a: CodeObject, b: CodeObject): boolean {
  if (a === b) return true;
  if (a.firstlineno !== b.firstlineno || a.flags !== b.flags || a.argcount !== b.argcount || a.code.value.length !== b.code.value.length) return false;
  if (a.coName !== b.coName) return false;
  return codeKey(a) === codeKey(b);
}
