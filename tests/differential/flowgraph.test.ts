// The 3.11 flow-graph passes (compile.c assemble()) against CPython: for each hand-built graph of
// ./flowgraph/cases.ts, assembleCfg + assemble311 must give python3.11's co_code, co_linetable,
// co_exceptiontable, co_stacksize, the number of co_consts, and the localsplus size.
import { describe, expect, it } from 'vitest';
import { targetForVersion } from '@tspyc/bytecode';
import { assemble311 } from '@tspyc/compiler';
import { assembleCfg } from '../../packages/compiler/src/codegen/flowgraph/index.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { CASES } from './flowgraph/cases.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

interface Expected {
  code: string;
  linetable: string;
  exceptiontable: string;
  stacksize: number;
  consts: number;
  firstlineno: number;
  nlocalsplus: number;
}

describe.skipIf(!oracle('3.11'))('3.11 flow-graph passes', () => {
  const script = new URL('./flowgraph/oracle-code.py', import.meta.url).pathname;
  const run = runPython('3.11', [script, ...CASES.map((c) => c.code)], { input: JSON.stringify(CASES.map((c) => c.src)) });
  const expected = JSON.parse(run.stdout || '[]') as Expected[];
  it('has an oracle answer for every case', () => {
    expect(run.stderr).toBe('');
    expect(expected.length).toBe(CASES.length);
  });

  CASES.forEach((c, i) => {
    it(c.name, () => {
      const result = assembleCfg(c.build());
      const asm = assemble311(result.instrs, result.firstlineno, targetForVersion('3.11')!);
      expect({
        code: hex(asm.code),
        linetable: hex(asm.linetable),
        exceptiontable: hex(asm.exceptiontable),
        stacksize: result.stacksize,
        consts: result.consts.length,
        firstlineno: result.firstlineno,
        nlocalsplus: result.nlocalsplus,
      }).toEqual(expected[i]);
    });
  });
});
