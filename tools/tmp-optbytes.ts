import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { diffPycBytes } from '@tspyc/bytecode';
import { stdlibFiles } from './corpus.js';
import { freshPycs } from './fresh-pyc-corpus.js';
import { tspycPyc } from './tspyc-pyc.js';
for (const optimize of [1, 2] as const) {
  const fresh = (await freshPycs('3.11', stdlibFiles('3.11'), 2, optimize)).filter((f) => f.pyc !== null);
  let ok = 0;
  const bad: string[] = [];
  for (const f of fresh) {
    const link = join(dirname(dirname(f.pyc!)), basename(f.src));
    const d = diffPycBytes(tspycPyc(link, optimize), new Uint8Array(readFileSync(f.pyc!)));
    if (d.identical) ok++; else bad.push(`${f.src} ${d.code?.qualname} ${d.code?.field} ${d.code?.detail}`);
  }
  console.log(`-O${optimize}: ${ok}/${fresh.length}`);
  for (const b of bad.slice(0, 20)) console.log('  ' + b);
}
