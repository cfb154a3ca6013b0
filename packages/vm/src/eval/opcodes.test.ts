// The literal opcode numbers of the eval loop (a const enum, inlined by tsc) agree with
// Lib/opcode.py's opmap for 3.11.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { opcodeTable } from '@tspyc/bytecode';

describe('eval/opcodes.ts', () => {
  it('lists exactly opcodeTable(3.11).facts.opmap', () => {
    const text = readFileSync(new URL('./opcodes.ts', import.meta.url), 'utf8');
    const ours: Record<string, number> = {};
    for (const m of text.matchAll(/^ {2}([A-Z_0-9]+) = (\d+),$/gm)) ours[m[1]!] = Number(m[2]);
    expect(ours).toEqual(opcodeTable('3.11').facts.opmap);
  });
});
