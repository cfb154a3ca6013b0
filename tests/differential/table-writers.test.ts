// The writers the assembler will use reproduce CPython's own tables: for every code object of the
// pycs CPython 3.11, 3.12 and 3.13 write for their stdlib, writing back the decoded location table
// (entry by entry) and the decoded exception table gives co_linetable / co_exceptiontable byte for
// byte — so the forms and varints chosen are CPython's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeExceptionTable, decodeLocationTable, encodeExceptionTable, Kind, LocationTableWriter, readPyc, type CodeObject } from '@tspyc/bytecode';
import { corpusSelection } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

for (const version of ['3.11', '3.12', '3.13']) {
  describe.skipIf(!oracle(version))(`table writers, ${version}`, () => {
    it('location and exception tables written back byte for byte', () => {
      const entries = corpusSelection(stdlibPycs(version).entries, 150);
      let codes = 0;
      const bad: string[] = [];
      const walk = (co: CodeObject, src: string) => {
        codes++;
        const w = new LocationTableWriter(co.firstlineno);
        for (const e of decodeLocationTable(co.linetable.value, co.firstlineno)) w.add(e);
        if (!same(w.finish(), co.linetable.value)) bad.push(`${src} ${co.coQualname}: co_linetable`);
        const exc = co.exceptiontable!.value;
        if (!same(encodeExceptionTable(decodeExceptionTable(exc)), exc)) bad.push(`${src} ${co.coQualname}: co_exceptiontable`);
        for (const c of co.consts.items) if (c.kind === Kind.Code) walk(c, src);
      };
      for (const e of entries) walk(readPyc(readFileSync(e.pyc)).code, e.src);
      console.log(`${version} table writers: ${codes - bad.length}/${codes} code objects identical (${entries.length} files)`);
      expect(bad).toEqual([]);
    }, 600_000);
  });
}
