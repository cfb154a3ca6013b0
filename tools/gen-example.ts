// Regenerates the bundled example cache, fixtures/example/__pycache__/hello.cpython-311.pyc, with
// CPython 3.11's py_compile in unchecked-hash mode (so the file does not depend on mtimes).
//   npx tsx tools/gen-example.ts
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPython } from './oracles.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(ROOT, 'fixtures', 'example', 'hello.py');
const cfile = join(ROOT, 'fixtures', 'example', '__pycache__', 'hello.cpython-311.pyc');
const code = [
  'import py_compile, sys',
  'py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile="hello.py", doraise=True,',
  '                   invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)',
].join('\n');
const r = runPython('3.11', ['-c', code, source, cfile]);
if (r.status !== 0) throw new Error(r.stderr);
console.log(`wrote ${cfile}`);
