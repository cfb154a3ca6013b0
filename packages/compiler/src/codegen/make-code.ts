// Finishing a code unit: compile.c's assemble() and makecode(): the implicit `return None`, the
// flow-graph passes (codegen/flowgraph), the assembler, and the code object's tables
// (co_consts, co_names, localsplus names and kinds, co_flags).
import { CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, CodeLayout, CodeObject, None, PyBytes, PyStr, PyTuple } from '@tspyc/bytecode';
import { assemble311 } from '../assemble/assemble.js';
import { takeBytes } from '../assemble/byte-slab.js';
import { computeCodeFlags } from '../symtable/index.js';
import type { Compiler } from './compiler.js';
import { assembleCfg } from './flowgraph/index.js';
import { Op } from './ir.js';

export function assembleUnit(c: Compiler, addNone: boolean): CodeObject {
  const u = c.u;
  // make sure every block that falls off the end returns None
  if (u.curblock.last?.opcode !== Op.RETURN_VALUE) {
    u.unsetLoc();
    if (addNone) c.loadConst(None);
    c.addop(Op.RETURN_VALUE);
  }
  const flags = computeCodeFlags(u.ste) | c.future.features;
  const varnames = u.varnames.keys();
  const cellvars = u.cellvars.keys();
  const freevars = u.freevars.keys();
  const cellArgIndex: number[] = [];
  for (let i = 0; i < cellvars.length; i++) cellArgIndex.push(u.varnames.get(cellvars[i]!) ?? -1);
  const result = assembleCfg({
    entry: u.entry,
    blocks: u.blocks,
    consts: u.consts,
    addConst: (v) => u.addConst(v),
    firstlineno: u.firstlineno,
    flags,
    nlocals: varnames.length,
    cellvars,
    cellArgIndex,
    freevars,
  });
  const asm = assemble311(result.instrs, result.firstlineno, c.target);
  // compute_localsplus_info: locals (arguments that are cells too), then other cells, then frees
  const names: PyStr[] = [];
  for (let i = 0; i < varnames.length; i++) names.push(new PyStr(varnames[i]!));
  for (let i = 0; i < cellArgIndex.length; i++) if (cellArgIndex[i]! < 0) names.push(new PyStr(cellvars[i]!));
  for (let i = 0; i < freevars.length; i++) names.push(new PyStr(freevars[i]!));
  const kinds = takeBytes(names.length);
  kinds.fill(CO_FAST_LOCAL, 0, varnames.length);
  for (let i = 0; i < cellArgIndex.length; i++) if (cellArgIndex[i]! >= 0) kinds[cellArgIndex[i]!] = CO_FAST_LOCAL | CO_FAST_CELL;
  kinds.fill(CO_FAST_CELL, varnames.length, names.length - freevars.length);
  kinds.fill(CO_FAST_FREE, names.length - freevars.length);
  const coNames: PyStr[] = [];
  const nameList = u.names.keys();
  for (let i = 0; i < nameList.length; i++) coNames.push(new PyStr(nameList[i]!));
  const qualname = u.qualname || u.name;
  return new CodeObject({
    layout: CodeLayout.Py311,
    argcount: u.posonlyargcount + u.argcount,
    posonlyargcount: u.posonlyargcount,
    kwonlyargcount: u.kwonlyargcount,
    nlocals: varnames.length,
    stacksize: result.stacksize,
    flags,
    code: new PyBytes(asm.code),
    consts: new PyTuple(result.consts),
    names: new PyTuple(coNames),
    localsplusnames: new PyTuple(names),
    localspluskinds: new PyBytes(kinds),
    varnames: null,
    freevars: null,
    cellvars: null,
    filename: new PyStr(c.filename),
    name: new PyStr(u.name),
    qualname: new PyStr(qualname),
    firstlineno: result.firstlineno,
    linetable: new PyBytes(asm.linetable),
    exceptiontable: new PyBytes(asm.exceptiontable),
  });
}
