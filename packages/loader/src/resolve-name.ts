// Relative import names: importlib._bootstrap._sanity_check and _resolve_name (what
// `from ..x import y` does via __import__(name, globals, locals, fromlist, level)), and
// importlib.util.resolve_name (leading dots in the name). Messages are importlib's.
import { LoaderError } from './fs.js';
import * as msg from './messages.js';

const importError = (message: string) => new LoaderError('relative-import', message, null, 'ImportError');

/**
 * The absolute name for `name` imported at `level` from a module whose __package__ is `pkg`
 * (_sanity_check then _resolve_name). `pkg` null stands for a __package__ that is not a str.
 */
export function resolveName(name: string, pkg: string | null, level: number): string {
  // _sanity_check
  if (level < 0) throw new LoaderError('bad-level', msg.levelNegative(), null, 'ValueError');
  if (level > 0) {
    if (pkg === null) throw new LoaderError('bad-package', msg.packageNotString(), null, 'TypeError');
    if (pkg === '') throw importError(msg.noKnownParent());
  }
  if (name === '' && level === 0) throw new LoaderError('empty-name', msg.emptyModuleName(), null, 'ValueError');
  if (level === 0) return name;
  return resolveLevel(name, pkg!, level);
}

/** _resolve_name: `package.rsplit('.', level - 1)`, then the first part (plus `.name`). */
function resolveLevel(name: string, pkg: string, level: number): string {
  const bits = rsplit(pkg, '.', level - 1);
  if (bits.length < level) throw importError(msg.beyondTopLevel());
  const base = bits[0]!;
  return name ? `${base}.${name}` : base;
}

/** str.rsplit(sep, maxsplit) */
function rsplit(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let end = s.length;
  while (maxsplit-- > 0) {
    const i = s.lastIndexOf(sep, end - 1);
    if (i < 0 || end === 0) break;
    out.unshift(s.slice(i + 1, end));
    end = i;
  }
  out.unshift(s.slice(0, end));
  return out;
}

/** importlib.util.resolve_name: a name with leading dots, relative to `pkg` (null: None). */
export function resolveRelativeName(name: string, pkg: string | null): string {
  if (!name.startsWith('.')) return name;
  if (!pkg) throw importError(msg.noPackageSpecified(name));
  let level = 0;
  while (level < name.length && name[level] === '.') level++;
  return resolveLevel(name.slice(level), pkg, level);
}

/** The module globals the import statement reads (absent keys are undefined; Python None is null). */
export interface ImportGlobals {
  __package__?: unknown;
  /** null for None; otherwise an object whose `parent` is read */
  __spec__?: { parent: unknown } | null;
  __name__?: unknown;
  /** '__path__' in globals */
  hasPath?: boolean;
}

export interface ResolvedImport {
  name: string;
  /** ImportWarning messages CPython issues on the way */
  warnings: string[];
}

/**
 * The absolute name the import statement imports: `import_name`/PyImport_ImportModuleLevelObject
 * and resolve_name of Python/import.c (3.11), which work out the package from __package__,
 * __spec__.parent, or __name__ and __path__ — with the C implementation's messages.
 */
export function resolveImportName(name: string, globals: ImportGlobals, level: number): ResolvedImport {
  const warnings: string[] = [];
  if (level < 0) throw new LoaderError('bad-level', msg.levelNegative(), null, 'ValueError');
  if (level === 0) {
    if (name === '') throw new LoaderError('empty-name', msg.emptyModuleName(), null, 'ValueError');
    return { name, warnings };
  }
  let pkg: unknown = globals.__package__ === null ? undefined : globals.__package__;
  const spec = globals.__spec__;
  if (pkg !== undefined) {
    if (typeof pkg !== 'string') throw new LoaderError('bad-package', msg.cPackageNotString(), null, 'TypeError');
    if (spec !== undefined && spec !== null && spec.parent !== pkg) warnings.push(msg.packageNotSpecParent());
  } else if (spec !== undefined && spec !== null) {
    pkg = spec.parent;
    if (typeof pkg !== 'string') throw new LoaderError('bad-package', msg.specParentNotString(), null, 'TypeError');
  } else {
    warnings.push(msg.fallingBackOnName());
    pkg = globals.__name__;
    if (pkg === undefined) throw new LoaderError('no-name', msg.nameNotInGlobals(), null, 'KeyError');
    if (typeof pkg !== 'string') throw new LoaderError('bad-name', msg.nameNotString(), null, 'TypeError');
    if (!globals.hasPath) {
      const dot = pkg.lastIndexOf('.');
      if (dot < 0) throw importError(msg.noKnownParent());
      pkg = pkg.slice(0, dot);
    }
  }
  const p = pkg as string;
  if (p.length === 0) throw importError(msg.noKnownParent());
  let lastDot = p.length;
  for (let up = 1; up < level; up++) {
    lastDot = lastDot === 0 ? -1 : p.lastIndexOf('.', lastDot - 1);
    if (lastDot < 0) throw importError(msg.beyondTopLevel());
  }
  const base = p.slice(0, lastDot);
  return { name: name ? `${base}.${name}` : base, warnings };
}
