import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPCODE_VERSIONS, fileFor, generate } from '../../../../tools/gen-opcodes.js';
import { oracle } from '../../../../tools/oracles.js';
import { HAS_CONST, HAS_JREL, opcodeTable } from './table.js';

describe('generated opcode tables', () => {
  for (const version of OPCODE_VERSIONS) {
    it.skipIf(!oracle(version))(`${version}: the committed table is what the oracle says today`, () => {
      expect(readFileSync(fileFor(version), 'utf8')).toBe(generate(version));
    }, 60_000);
  }

  it('builds numeric tables (3.11 facts as CPython documents them)', () => {
    const t = opcodeTable('3.11');
    expect(t.name[t.number.get('LOAD_CONST')!]).toBe('LOAD_CONST');
    expect(t.flags[t.number.get('LOAD_CONST')!]! & HAS_CONST).toBeTruthy();
    expect(t.flags[t.number.get('JUMP_BACKWARD')!]! & HAS_JREL).toBeTruthy();
    expect(t.cacheEntries[t.number.get('LOAD_GLOBAL')!]).toBe(5);
    expect(t.cacheEntries[t.number.get('LOAD_GLOBAL_BUILTIN')!]).toBe(5);
    expect(t.deopt[t.number.get('LOAD_GLOBAL_BUILTIN')!]).toBe(t.number.get('LOAD_GLOBAL'));
    expect(opcodeTable('3.13').cacheEntries[opcodeTable('3.13').number.get('LOAD_ATTR')!]).toBe(9);
    expect(opcodeTable('2.7').cache).toBe(-1);
  });
});
