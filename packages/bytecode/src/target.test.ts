import { describe, expect, it } from 'vitest';
import { oracle, runPython } from '../../../tools/oracles.js';
import { TARGETS, targetForMagic, targetForVersion } from './target.js';

// Each Target's magic number and cache tag, checked against the interpreter of that version.
describe('targets agree with each CPython', () => {
  for (const t of TARGETS) {
    const exe = oracle(t.version);
    it.skipIf(!exe)(`${t.version}: magic and cache tag`, () => {
      const code =
        t.major === 2
          ? 'import imp, sys; sys.stdout.write(imp.get_magic().encode("hex") + " None")'
          : 'import importlib.util, sys; print(importlib.util.MAGIC_NUMBER.hex(), sys.implementation.cache_tag)';
      const [magicHex, tag] = runPython(t.version, ['-c', code]).stdout.trim().split(' ');
      expect(Buffer.from(t.magicBytes).toString('hex')).toBe(magicHex);
      expect(t.cacheTag ?? "None").toBe(tag);
    });
  }

  it('looks targets up by version and by magic', () => {
    expect(targetForVersion('3.12')?.magic).toBe(3531);
    expect(targetForMagic(3495)?.version).toBe('3.11');
    expect(targetForMagic(1)).toBeUndefined();
    expect(targetForVersion('4.0')).toBeUndefined();
  });
});
