// The points where 3.12 and 3.13 build or write a module's objects differently from 3.11
// (pyc-format.md §4.2–4.3). Everything not listed here is common to 3.11–3.13.
import type { Target } from '../../target.js';

export interface VersionRules {
  /** co_name values compile.c takes from static, non-interned global strings (3.11/3.12) */
  staticUnitNames: ReadonlySet<string>;
  /** a co_name compile.c builds as a fresh, non-interned string (3.12's PEP 695 scopes) */
  freshUnitName: (name: string) => boolean;
  /** 3.13: _PyCode_New interns co_filename, co_name and co_qualname too */
  internsCodeNames: boolean;
  /** 3.13: each set element is dumped for its sort key while holding one more reference */
  setKeysFlagged: boolean;
}

const STATIC_311 = new Set(['<module>', '<lambda>', '<genexpr>', '<listcomp>', '<setcomp>', '<dictcomp>']);
// PEP 709 inlined the comprehensions; their code objects (and names) are gone
const STATIC_312 = new Set(['<module>', '<lambda>', '<genexpr>']);

export function versionRules(target: Target): VersionRules {
  switch (target.version) {
    case '3.11':
      return { staticUnitNames: STATIC_311, freshUnitName: () => false, internsCodeNames: false, setKeysFlagged: false };
    case '3.12':
      return {
        staticUnitNames: STATIC_312,
        freshUnitName: (name) => name.startsWith('<generic parameters of '),
        internsCodeNames: false,
        setKeysFlagged: false,
      };
    case '3.13':
      return { staticUnitNames: new Set(), freshUnitName: () => false, internsCodeNames: true, setKeysFlagged: true };
    default:
      throw new Error(`the marshal reference model covers Python 3.11–3.13, not ${target.version}`);
  }
}
