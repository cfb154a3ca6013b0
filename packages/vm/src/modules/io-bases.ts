// The _io type hierarchy's roots and _io.TextIOWrapper, as types only: io-c.ts gives the bases
// their methods, io-file.ts TextIOWrapper's, and builtins/io.ts derives the standard streams' type
// from TextIOWrapper (so sys.stdout is an io.TextIOWrapper and an io.TextIOBase, as in CPython).
// A leaf module, so that all three can share the types without importing one another.
import { builtinType, type PyType } from '../objects/object.js';

export function ioType(name: string, base?: PyType): PyType {
  const t = builtinType(name, base);
  t.module = '_io';
  return t;
}

export const ioBaseType = ioType('_IOBase');
export const rawIOBaseType = ioType('_RawIOBase', ioBaseType);
export const bufferedIOBaseType = ioType('_BufferedIOBase', ioBaseType);
export const textIOBaseType = ioType('_TextIOBase', ioBaseType);
export const textIOWrapperType = ioType('TextIOWrapper', textIOBaseType);
textIOWrapperType.tpName = '_io.TextIOWrapper';
