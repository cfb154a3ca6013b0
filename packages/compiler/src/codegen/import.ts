// import statements: compiler_import, compiler_import_as, compiler_from_import.
import { None, PyInt, PyStr, PyTuple } from '@tspyc/bytecode';
import type * as N from '../ast/index.js';
import type { Compiler } from './compiler.js';
import { Op } from './jumps.js';

export function compileImport(c: Compiler, s: N.Import): void {
  for (const alias of s.names) {
    c.loadConst(new PyInt(0n));
    c.loadConst(None);
    c.addopName(Op.IMPORT_NAME, c.u.names, alias.name);
    if (alias.asname) {
      importAs(c, alias.name, alias.asname);
    } else {
      // `import a.b.c` binds `a`
      const dot = alias.name.indexOf('.');
      c.nameop(dot === -1 ? alias.name : alias.name.slice(0, dot), 'Store');
    }
  }
}

/** compiler_import_as: `import a.b.c as d` walks the attributes with IMPORT_FROM */
function importAs(c: Compiler, name: string, asname: string): void {
  let dot = name.indexOf('.');
  if (dot !== -1) {
    for (;;) {
      const pos = dot + 1;
      dot = name.indexOf('.', pos);
      const attr = name.slice(pos, dot === -1 ? name.length : dot);
      c.addopI(Op.IMPORT_FROM, c.u.names.add(attr));
      if (dot === -1) break;
      c.addopI(Op.SWAP, 2);
      c.addop(Op.POP_TOP);
    }
    c.nameop(asname, 'Store');
    c.addop(Op.POP_TOP);
    return;
  }
  c.nameop(asname, 'Store');
}

export function compileFromImport(c: Compiler, s: N.ImportFrom): void {
  c.loadConst(new PyInt(BigInt(s.level ?? 0)));
  const names = new PyTuple(s.names.map((a) => new PyStr(a.name)));
  if (s.lineno > c.future.lineno && s.module === '__future__') {
    throw c.error('from __future__ imports must occur at the beginning of the file');
  }
  c.loadConst(names);
  c.addopName(Op.IMPORT_NAME, c.u.names, s.module ?? '');
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i]!;
    if (i === 0 && alias.name.startsWith('*')) {
      c.addop(Op.IMPORT_STAR);
      return;
    }
    c.addopName(Op.IMPORT_FROM, c.u.names, alias.name);
    c.nameop(alias.asname ?? alias.name, 'Store');
  }
  c.addop(Op.POP_TOP); // the module
}
