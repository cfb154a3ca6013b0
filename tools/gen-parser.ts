// Generates packages/compiler/src/parser/generated/parser311.ts from CPython 3.11's own grammar,
// Grammar/python.gram (found at $TSPYC_GRAMMAR_311, or /usr/src/python3.11/Grammar/python.gram).
// Rerun: npx tsx tools/gen-parser.ts [--check]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_SPECS } from '../packages/compiler/src/ast/generated/nodes311.js';
import { EXACT_TOKEN_TYPES } from '../packages/compiler/src/tokenize/generated/token311.js';
import { emitParser } from './gen-parser/emit.js';
import { readGrammar } from './gen-parser/grammar.js';
import { writeOrCheck } from './generated-file.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PARSER_FILE = join(HERE, '..', 'packages', 'compiler', 'src', 'parser', 'generated', 'parser311.ts');

export function grammarPath(): string | null {
  const candidates = [process.env['TSPYC_GRAMMAR_311'], '/usr/src/python3.11/Grammar/python.gram'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

export function generateParser(): string | null {
  const path = grammarPath();
  if (!path) return null;
  const singletons = new Set(Object.entries(NODE_SPECS).filter(([, s]) => s.fields.length === 0 && s.attributes.length === 0).map(([n]) => n));
  return emitParser({
    rules: readGrammar(readFileSync(path, 'utf8')),
    exactTokens: { ...EXACT_TOKEN_TYPES, '<>': EXACT_TOKEN_TYPES['!=']! },
    ctx: { singletons },
    source: "CPython 3.11's Grammar/python.gram",
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeOrCheck([{ path: PARSER_FILE, text: generateParser() }]);
}
