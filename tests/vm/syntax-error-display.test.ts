// What `tspyc run` prints for a main file that does not compile, over every invalid program in
// fixtures/syntax-errors/ (and fixtures/run/syntax-errors/), against python3.11's own excepthook
// (sys.__excepthook__, the C PyErr_Display, not traceback.py) for the SyntaxError compile() raises
// on the same bytes: the VM's text for python3.11's error fields must be identical; end to end
// (our compiler's fields) the count is logged, with the differences, which are the compiler's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource, PySyntaxError } from '@tspyc/compiler';
import { HostSyntaxError, mainSyntaxErrorText } from '@tspyc/vm';
import { oracle, runPython } from '../../tools/oracles.js';
import { fixtureSections } from '../../tools/fixture-sections.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILENAME = '/project/case.py';
const ORACLE = [
  'import base64, io, json, sys',
  'for line in sys.stdin:',
  '    src = base64.b64decode(json.loads(line))',
  '    out = io.StringIO()',
  '    fields = None',
  '    try:',
  `        compile(src, ${JSON.stringify(FILENAME)}, "exec", dont_inherit=True)`,
  '    except SyntaxError as e:',
  '        fields = [type(e).__name__, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset]',
  '        err, sys.stderr = sys.stderr, out',
  '        try:',
  '            sys.__excepthook__(type(e), e.with_traceback(None), None)',
  '        finally:',
  '            sys.stderr = err',
  '    print(json.dumps([fields, out.getvalue()]))',
].join('\n');

function ours(source: Uint8Array): string {
  try {
    compileSource(source, FILENAME);
    return '';
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    if (e.type === 'UnicodeDecodeError') return `(${e.type})`;
    return mainSyntaxErrorText(new HostSyntaxError(e.type, e.msg, e.filename, e.lineno, e.offset, e.text, e.endLineno, e.endOffset));
  }
}

describe.skipIf(!oracle('3.11'))("a main file's SyntaxError as python3.11's excepthook prints it", () => {
  it('fixtures/syntax-errors and fixtures/run/syntax-errors', () => {
    const dir = join(ROOT, 'fixtures', 'syntax-errors');
    const cases = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => fixtureSections(join(dir, f)));
    const runDir = join(ROOT, 'fixtures', 'run', 'syntax-errors');
    for (const f of readdirSync(runDir).sort()) cases.push({ name: f, source: new Uint8Array(readFileSync(join(runDir, f))) });
    const input = cases.map((c) => JSON.stringify(Buffer.from(c.source).toString('base64'))).join('\n') + '\n';
    const r = runPython('3.11', ['-c', ORACLE], { input });
    expect(r.status, r.stderr).toBe(0);
    type Fields = [HostSyntaxError['pyType'], string, string | null, number | null, number | null, string | null, number | null, number | null];
    const expected = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as [Fields | null, string]);
    expect(expected).toHaveLength(cases.length);
    const display: string[] = [];
    const endToEnd: string[] = [];
    let checked = 0;
    cases.forEach((c, i) => {
      const [fields, text] = expected[i]!;
      if (fields === null) return; // not a SyntaxError for python3.11 (a codec error)
      checked++;
      const shown = mainSyntaxErrorText(new HostSyntaxError(...fields));
      if (shown !== text) display.push(`${c.name}:\n--- python3.11\n${text}--- tspyc\n${shown}`);
      const got = ours(c.source);
      if (got !== text) endToEnd.push(`${c.name}:\n--- python3.11\n${text}--- tspyc\n${got}`);
    });
    console.log(`main-file SyntaxError display: ${checked - display.length} of ${checked} identical to python3.11's excepthook for its own error fields; ${checked - endToEnd.length} of ${checked} end to end (with tspyc's compiler)`);
    if (endToEnd.length) console.log(`end-to-end differences (the compiler's fields):\n${endToEnd.join('\n')}`);
    expect(display.slice(0, 5).join('\n')).toBe('');
  });
});
