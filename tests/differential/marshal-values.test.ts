// Acceptance (issue 2): what tspyc reads from a pyc — names, constants and code bytes of every
// code object — equals what that CPython's own marshal.loads gives, for 2.7 and 3.6–3.13.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CodeObject, Kind, type PyValue, readPyc } from '@tspyc/bytecode';
import { corpusSelection } from '../../tools/corpus.js';
import { oracle, runPython } from '../../tools/oracles.js';
import { stdlibPycs } from '../../tools/pyc-corpus.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../../tools/oracle/marshal_values.py');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function floatBits(x: number, bits: Uint8Array | null, offset: number): string {
  if (bits && x !== x) return hex(bits.subarray(offset, offset + 8));
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return b.toString('hex');
}

type Canon = unknown[];

function canon(v: PyValue): Canon {
  switch (v.kind) {
    case Kind.None:
      return ['None'];
    case Kind.Ellipsis:
      return ['Ellipsis'];
    case Kind.Bool:
      return ['bool', v.value];
    case Kind.Code:
      return ['code', v.coName];
    case Kind.Int:
      return ['int', v.value.toString()];
    case Kind.Float:
      return ['float', floatBits(v.value, v.bits, 0)];
    case Kind.Complex:
      return ['complex', floatBits(v.real, v.bits, 0), floatBits(v.imag, v.bits, 8)];
    case Kind.Str:
      return ['str', v.value];
    case Kind.Bytes:
      return ['bytes', hex(v.value)];
    case Kind.Tuple:
      return ['tuple', v.items.map(canon)];
    case Kind.FrozenSet:
      return ['frozenset', v.items.map((x) => pyJsonDumps(canon(x))).sort(codeUnitOrder)];
    default:
      return ['other', String(v.kind)];
  }
}

/** Python's sorted() on str compares code points; for these ASCII-escaped JSON texts, code units agree. */
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** json.dumps with its defaults (", " and ": " separators, ASCII-only escapes). */
function pyJsonDumps(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') {
    return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  }
  if (Array.isArray(v)) return '[' + v.map(pyJsonDumps).join(', ') + ']';
  return String(v);
}

function walk(co: CodeObject, out: CodeObject[] = []): CodeObject[] {
  out.push(co);
  for (const c of co.nestedCode) walk(c, out);
  return out;
}

describe("values read by tspyc equal each CPython's marshal.loads", () => {
  for (const version of ['2.7', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13']) {
    it.skipIf(!oracle(version))(
      `${version}: names, constants and code bytes of every code object`,
      () => {
        const files = corpusSelection(stdlibPycs(version).entries, 60).map((e) => e.pyc);
        const header = readPyc(readFileSync(files[0]!)).target.headerSize;
        const out = runPython(version, [SCRIPT, String(header)], { input: files.join('\n') + '\n' }).stdout;
        const bad: string[] = [];
        let codes = 0;
        for (const line of out.trim().split('\n')) {
          const rec = JSON.parse(line) as { pyc: string; codes: unknown[] };
          const mine = walk(readPyc(readFileSync(rec.pyc)).code).map((c) => [c.coName, c.coNames, hex(c.code.value), c.consts.items.map(canon)]);
          codes += rec.codes.length;
          if (JSON.stringify(mine) !== JSON.stringify(rec.codes)) bad.push(rec.pyc);
        }
        console.log(`marshal values ${version}: ${files.length - bad.length}/${files.length} files, ${codes} code objects`);
        expect(bad).toEqual([]);
      },
      300_000,
    );
  }
});
