// Where CPython 3.11's pure-Python standard library (its Lib/ directory) is on this machine,
// found without running Python: the directory must hold os.py (getpath.py's landmark) or, for a
// sourceless bundle, os.pyc.
// Order: --stdlib PATH, then TSPYC_STDLIB, then a search of this machine (python3.11's prefix from
// the PATH entries, pyenv's versions, common install prefixes). 'none' (option or variable)
// turns the Lib off: the VM's TypeScript stand-ins then serve those modules.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const VERSION = '3.11';

export class StdlibError extends Error {}

function isLib(dir: string): boolean {
  return existsSync(join(dir, 'os.py')) || existsSync(join(dir, 'os.pyc'));
}

/** Patch number of a pyenv version directory named 3.11.N (higher first), -1 for others. */
function patchOf(name: string): number {
  const m = /^3\.11\.(\d+)$/.exec(name);
  return m ? Number(m[1]) : -1;
}

/** Candidate Lib directories on this machine, most specific first. */
function machineCandidates(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  const libUnder = (prefix: string) => join(prefix, 'lib', `python${VERSION}`);
  const pyenvVersions = (root: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(join(root, 'versions'));
    } catch {
      return;
    }
    for (const n of names.filter((n) => patchOf(n) >= 0).sort((a, b) => patchOf(b) - patchOf(a))) out.push(libUnder(join(root, 'versions', n)));
  };
  // a python3.11 on PATH: its prefix is the bin directory's parent; pyenv's shims stand for
  // the versions under their root
  for (const entry of (env.PATH ?? '').split(':')) {
    if (entry === '' || !existsSync(join(entry, `python${VERSION}`))) continue;
    const prefix = dirname(resolve(entry));
    if (existsSync(join(prefix, 'versions'))) pyenvVersions(prefix);
    else out.push(libUnder(prefix));
  }
  for (const root of [env.PYENV_ROOT, join(homedir(), '.pyenv')]) if (root) pyenvVersions(root);
  for (const prefix of ['/usr/local', '/usr', '/opt/homebrew', `/Library/Frameworks/Python.framework/Versions/${VERSION}`]) out.push(libUnder(prefix));
  return out;
}

/**
 * The Lib directory to put on sys.path, or null for none. `option` is --stdlib's value. Throws
 * StdlibError when a given path is not a Lib directory.
 */
export function findStdlib(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  const given = option ?? env.TSPYC_STDLIB;
  if (given !== undefined && given !== '') {
    if (given === 'none') return null;
    const dir = resolve(given);
    if (!isLib(dir)) throw new StdlibError(`${given}: not a Python ${VERSION} Lib directory (no os.py or os.pyc in it)`);
    return dir;
  }
  return machineCandidates(env).find(isLib) ?? null;
}
