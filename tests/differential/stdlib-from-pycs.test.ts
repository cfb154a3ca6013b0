// Acceptance (issue 4, the stronger form): CPython 3.11 with its whole standard library loaded from
// sourceless pycs tspyc wrote boots, and the issue's test modules give the result they give with
// the whole stdlib as CPython's own sourceless pycs (the fair baseline: without sources some tests
// change, e.g. those reading source lines). Builds two private Python homes (about 2,000 files each),
// so it runs in CI / full-corpus mode only.
import { describe, expect, it } from 'vitest';
import { fullCorpus } from '../../tools/corpus.js';
import { oracle } from '../../tools/oracles.js';
import { describeOutcome, ISSUE_4_MODULES, sameResult, stdlibFromPycs, testsRan } from '../../tools/stdlib-from-pycs.js';

const exe = oracle('3.11');
const full = fullCorpus();
if (exe && !full) console.log('stdlib-from-pycs: skipped outside CI / TSPYC_FULL_CORPUS=1 (it builds two whole-stdlib homes)');

describe.skipIf(!exe || !full)('CPython 3.11 with its whole stdlib as tspyc pycs', () => {
  it("boots from the home's pycs and gives CPython's own result for the issue's test modules", async () => {
    const r = await stdlibFromPycs(ISSUE_4_MODULES);
    for (const c of ['tspyc', 'cpython'] as const) {
      const h = r.homes[c];
      const b = r.boot[c];
      console.log(`${c} home: ${h.pycs}/${h.sources} sources as pycs; ${b.fromHomePycs}/${b.loaded} modules loaded from its pycs; others: ${Object.keys(b.elsewhere).join(' ')}`);
      expect(b.version).toMatch(/^3\.11\./);
      expect(b.prefix).toBe(h.home);
      // getpath finds the home from the copied binary through the os.pyc landmark alone
      expect(b.landmarkPrefix).toBe(h.home);
      // the oracle's own binary with PYTHONHOME boots from the home as well
      expect(b.realBinaryOs).toBe(`${h.home}/lib/python3.11/os.pyc`);
      for (const entry of b.path) expect(entry.startsWith(h.home + '/')).toBe(true);
      for (const [name, origin] of Object.entries(b.named)) {
        expect(origin?.startsWith(`${h.home}/lib/python3.11/`) && origin.endsWith('.pyc'), `${name} from ${origin}`).toBe(true);
      }
      // what is not from the home's pycs is compiled into the binary or an extension module
      for (const [name, origin] of Object.entries(b.elsewhere)) {
        const ok = origin === null || origin === 'built-in' || origin === 'frozen' || origin.startsWith(`${h.home}/lib/python3.11/lib-dynload/`);
        expect(ok, `${name} from ${origin}`).toBe(true);
      }
    }
    expect(r.homes.tspyc.pycs).toBe(r.homes.cpython.pycs);
    let same = 0;
    for (const o of r.outcomes) {
      if (sameResult(o)) same++;
      console.log(describeOutcome(o));
      // a module that runs nothing compares nothing
      expect(testsRan(o.cpython), o.module).toBeGreaterThan(0);
    }
    console.log(`whole stdlib from tspyc pycs: ${same}/${r.outcomes.length} modules with CPython's own result (homes built in ${(r.homes.cpython.buildMs / 1000).toFixed(0)} s, tests ${(r.testMs / 1000).toFixed(0)} s)`);
    expect(same).toBe(r.outcomes.length);
  }, 1_800_000);
});
