import { describe, expect, it } from 'vitest';
import { targetForVersion, timestampHeader, writePyc } from '@tspyc/bytecode';
import { MemoryFileSystem } from './fs-memory.js';
import { moduleCode } from './module-code.test-support.js';
import { findSpec } from './finder.js';
import { getCode } from './get-code.js';
import { LoaderError } from './fs.js';

const target = targetForVersion('3.11')!;
const code = moduleCode;

describe('getCode by loader kind (memory file system)', () => {
  it('source, sourceless, namespace and extension', () => {
    const fs = new MemoryFileSystem();
    fs.writeFile('/p/src_mod.py', 'pass\n');
    fs.writeFile('/p/pyc_mod.pyc', writePyc({ target, header: timestampHeader(0, 0), code: code('/elsewhere/pyc_mod.py') }));
    fs.writeFile('/p/ns/x.py', '');
    fs.writeFile('/p/ext.so', '');
    const options = { target, extensionSuffixes: ['.so'] };
    let compiled = 0;
    const compile = (_: Uint8Array, path: string) => (compiled++, code(path));
    const src = getCode(fs, findSpec(fs, 'src_mod', ['/p'], options)!, { target, compile });
    expect(src?.coFilename).toBe('/p/src_mod.py');
    expect(fs.stat('/p/__pycache__/src_mod.cpython-311.pyc')?.isFile).toBe(true);
    expect(getCode(fs, findSpec(fs, 'src_mod', ['/p'], options)!, { target, compile })?.coFilename).toBe('/p/src_mod.py');
    expect(compiled).toBe(1);
    // sourceless: the stored co_filename is kept (no _fix_co_filename without a source)
    expect(getCode(fs, findSpec(fs, 'pyc_mod', ['/p'], options)!, { target, compile })?.coFilename).toBe('/elsewhere/pyc_mod.py');
    expect(getCode(fs, findSpec(fs, 'ns', ['/p'], options)!, { target, compile })).toBeNull();
    expect(() => getCode(fs, findSpec(fs, 'ext', ['/p'], options)!, { target, compile })).toThrow(LoaderError);
  });
});
