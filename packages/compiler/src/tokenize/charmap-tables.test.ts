import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODECS_FILE, generateCodecs } from '../../../../tools/gen-codecs.js';
import { oracle } from '../../../../tools/oracles.js';

describe('generated codec tables', () => {
  it.skipIf(!oracle('3.11'))("are what python3.11's encodings package says today", () => {
    expect(readFileSync(CODECS_FILE, 'utf8')).toBe(generateCodecs());
  }, 60_000);
});
