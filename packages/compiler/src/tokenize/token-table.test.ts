import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOKEN_TABLE_FILE, generateTokenTable } from '../../../../tools/gen-token-table.js';
import { oracle } from '../../../../tools/oracles.js';

describe('generated token table', () => {
  it.skipIf(!oracle('3.11'))("is what python3.11's token module says today", () => {
    expect(readFileSync(TOKEN_TABLE_FILE, 'utf8')).toBe(generateTokenTable());
  }, 60_000);
});
