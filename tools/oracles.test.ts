import { describe, expect, it } from 'vitest';
import { ORACLE_VERSIONS, clearOracleCache, findPython, oracle, runPython } from './oracles.js';

describe('oracle resolution', () => {
  for (const version of ORACLE_VERSIONS) {
    const exe = oracle(version);
    it.skipIf(!exe)(`python${version} runs and reports its own version`, () => {
      const code = version === '2.7' ? 'import sys; print "%d.%d" % sys.version_info[:2]' : 'import sys; print("%d.%d" % sys.version_info[:2])';
      expect(runPython(version, ['-c', code]).stdout.trim()).toBe(version);
    });
  }

  it('returns null for a version that does not exist', () => {
    expect(findPython('3.99')).toBeNull();
  });

  it('honours the TSPYC_PYTHON_X_Y override, and rejects an interpreter of the wrong version', () => {
    const real311 = findPython('3.11');
    if (!real311) return;
    process.env.TSPYC_PYTHON_3_11 = real311;
    process.env.TSPYC_PYTHON_3_99 = real311; // reports 3.11, so it must not be taken as 3.99
    try {
      clearOracleCache();
      expect(findPython('3.11')).toBe(real311);
      expect(findPython('3.99')).toBeNull();
    } finally {
      delete process.env.TSPYC_PYTHON_3_11;
      delete process.env.TSPYC_PYTHON_3_99;
      clearOracleCache();
    }
  });
});
