// The committed generated files are what their generators produce today from CPython 3.11.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AST_FACTORY_FILE, AST_NODES_FILE, generateAstFactory, generateAstNodes, readNodes } from '../../../../tools/gen-ast-nodes.js';
import { generateParser, grammarPath, PARSER_FILE } from '../../../../tools/gen-parser.js';
import { generateUnicodeNames, UNICODE_NAMES_FILE } from '../../../../tools/gen-unicode-names.js';
import { oracle } from '../../../../tools/oracles.js';

describe('generated front-end tables', () => {
  it.skipIf(!oracle('3.11'))("AST node tables match python3.11's ast module", () => {
    expect(readFileSync(AST_NODES_FILE, 'utf8')).toBe(generateAstNodes());
    expect(readFileSync(AST_FACTORY_FILE, 'utf8')).toBe(generateAstFactory(readNodes()));
  }, 60_000);

  it.skipIf(!grammarPath())("the parser is what tools/gen-parser.ts makes of 3.11's python.gram", () => {
    if (!grammarPath()) console.warn('CPython 3.11 Grammar/python.gram not found (set TSPYC_GRAMMAR_311): parser staleness not checked');
    expect(readFileSync(PARSER_FILE, 'utf8')).toBe(generateParser());
  }, 60_000);

  it.skipIf(!oracle('3.11'))("the Unicode name table matches python3.11's unicodedata", () => {
    expect(readFileSync(UNICODE_NAMES_FILE, 'utf8')).toBe(generateUnicodeNames());
  }, 120_000);
});
