// PEP 263 coding cookies of every single-byte charmap codec python3.11 has (cp437, cp850, mac_roman,
// koi8_u, iso8859_N, cp125N, the EBCDIC ones…): a source holding every byte the codec defines, in
// a string literal and in a comment, compiles to the code object python3.11's compile() makes
// (marshal bytes) and tokenizes as tokenize.tokenize does; each byte the codec leaves undefined
// raises python3.11's error in both; so do non-ASCII identifiers and syntax errors after non-ASCII
// text, every alias of the codec, and a list of other names (unknown codecs, odd spellings, codecs
// that are no text encodings, utf-16 and utf-32). The cases are built by
// tools/oracle/codec_sources.py from what python3.11's codecs decode, in one process.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeRefs, dumps, marshalOptionsFor, targetForVersion } from '@tspyc/bytecode';
import { compileSource, PySyntaxError } from '@tspyc/compiler';
import { oracle, runPython } from '../../tools/oracles.js';
import { tokenizeResultOf, type TokenizeResult } from './tokenize-result-of.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'tools', 'oracle', 'codec_sources.py');
const TARGET = targetForVersion('3.11')!;

/** cookies that are no charmap codec's name: unknown, spelled oddly, or other kinds of codec */
const NAMES = [
  'nosuch', 'cp.437', 'cp437-', '_cp437', 'CP437', 'Cp-1252', 'aliases', 'mbcs', 'oem', 'latin-1', 'l1', 'iso-8859-9',
  'iso_8859_15', 'windows-1252', 'ibm437', 'macroman', 'koi8-u', 'us-ascii', 'utf8', 'u8', 'cp65001', 'charmap', 'hex',
  'rot13', 'base64', 'undefined', 'x-mac-japanese', 'euc_jp', 'iso2022_jp',
  // CPython decodes the whole ASCII source in these: an error, or nonsense
  'utf-16', 'utf_16', 'utf16', 'utf-16-le', 'utf-16be', 'UTF-16LE', 'utf-32', 'utf_32', 'utf-32-le', 'utf_32_be', 'utf32',
];

type Compiled = string | [string, string, number | null, number | null, number | null, number | null];

interface Case {
  case: string;
  source: string;
  compile: Compiled;
  tokenize: TokenizeResult;
}

function ourCompile(src: Uint8Array): Compiled {
  try {
    const code = canonicalizeRefs(compileSource(src, 'f.py'), { target: TARGET });
    return Buffer.from(dumps(code, marshalOptionsFor(TARGET))).toString('base64');
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return [e.type, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset];
  }
}

describe.skipIf(!oracle('3.11'))('coding cookies of the charmap codecs: compile and tokenize as python3.11', () => {
  it('every charmap codec, its defined and undefined bytes, its aliases, other names', () => {
    const r = runPython('3.11', [SCRIPT, ...NAMES]);
    expect(r.status, r.stderr).toBe(0);
    const cases = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Case);
    const compileDiffs: string[] = [];
    const tokenizeDiffs: string[] = [];
    for (const c of cases) {
      const src = new Uint8Array(Buffer.from(c.source, 'latin1'));
      const got = ourCompile(src);
      if (JSON.stringify(got) !== JSON.stringify(c.compile)) compileDiffs.push(`${c.case}: ${JSON.stringify(got).slice(0, 300)} vs ${JSON.stringify(c.compile).slice(0, 300)}`);
      const toks = tokenizeResultOf(src);
      if (JSON.stringify(toks) !== JSON.stringify(c.tokenize)) tokenizeDiffs.push(`${c.case}: ${JSON.stringify(toks).slice(0, 300)} vs ${JSON.stringify(c.tokenize).slice(0, 300)}`);
    }
    const kinds = (k: string) => cases.filter((c) => c.case.split(' ')[1] === k).length;
    const codecs = kinds('literal');
    const compiled = cases.filter((c) => typeof c.compile === 'string').length;
    console.log(
      `codec cookies: ${codecs} charmap codecs; ${cases.length} cases (${codecs} literal, ${kinds('comment')} comment, ${kinds('undefined')} undefined-byte, ` +
        `${kinds('alias')} alias, ${kinds('syntax')} syntax, ${NAMES.length} other names; ${compiled} compile in python3.11): ` +
        `compile ${cases.length - compileDiffs.length}/${cases.length} identical, tokenize ${cases.length - tokenizeDiffs.length}/${cases.length} identical`,
    );
    expect(codecs).toBeGreaterThanOrEqual(70);
    expect(kinds('undefined')).toBeGreaterThan(100);
    expect(compileDiffs).toEqual([]);
    expect(tokenizeDiffs).toEqual([]);
  }, 120_000);
});
