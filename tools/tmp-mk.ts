import { readFileSync, writeFileSync } from 'node:fs';
import { targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { compileSource } from '@tspyc/compiler';
const src = process.argv[2]!;
const code = compileSource(readFileSync(src), src);
writeFileSync(process.argv[3]!, writePyc({ target: targetForVersion('3.11')!, header: timestampHeader(0, 0), code }));
