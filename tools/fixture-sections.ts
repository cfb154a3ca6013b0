// Fixture files holding many programs, each introduced by a line "#### name" (fixtures/syntax-errors,
// fixtures/symtable): split into their sections, as bytes, the way the oracle scripts split them.
import { readFileSync } from 'node:fs';

export interface FixtureSection {
  name: string;
  source: Uint8Array;
}

export function fixtureSections(path: string): FixtureSection[] {
  const data = readFileSync(path);
  const out: FixtureSection[] = [];
  const marker = Buffer.from('#### ');
  let at = data.indexOf(marker);
  while (at >= 0) {
    const next = data.indexOf(marker, at + marker.length);
    const chunk = data.subarray(at + marker.length, next < 0 ? data.length : next);
    const nl = chunk.indexOf(0x0a);
    out.push({ name: chunk.subarray(0, nl).toString('utf8'), source: new Uint8Array(chunk.subarray(nl + 1)) });
    at = next;
  }
  return out;
}
