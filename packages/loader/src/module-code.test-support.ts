// For the loader's unit tests: a minimal 3.11 module code object (RESUME; LOAD_CONST None; RETURN_VALUE).
import { CodeLayout, CodeObject, None, PyBytes, PyStr, PyTuple } from '@tspyc/bytecode';

export function moduleCode(filename: string): CodeObject {
  return new CodeObject({
    layout: CodeLayout.Py311, argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, nlocals: 0, stacksize: 1, flags: 0,
    code: new PyBytes(new Uint8Array([0x97, 0, 0x64, 0, 0x53, 0])), consts: new PyTuple([None]), names: new PyTuple([]),
    localsplusnames: new PyTuple([]), localspluskinds: new PyBytes(new Uint8Array()), varnames: null, freevars: null, cellvars: null,
    filename: new PyStr(filename), name: new PyStr('<module>'), qualname: new PyStr('<module>'), firstlineno: 1,
    linetable: new PyBytes(new Uint8Array()), exceptiontable: new PyBytes(new Uint8Array()),
  });
}
