// What a finder returns: the fields of importlib.machinery.ModuleSpec the VM exposes as
// __spec__, __file__, __cached__, __path__ and __package__.
// CPython counterpart: Lib/importlib/_bootstrap.py ModuleSpec, _init_module_attrs.

/** Which importlib loader the spec would carry (namespace: none at find time, NamespaceLoader once created). */
export type LoaderKind = 'source' | 'sourceless' | 'extension' | 'namespace';

export interface ModuleSpec {
  /** the fully qualified name */
  name: string;
  loaderKind: LoaderKind;
  /** the file the module comes from; null for a namespace package */
  origin: string | null;
  /** the cache file (__cached__): the pyc a source module is cached in, the pyc itself when sourceless */
  cached: string | null;
  /** __path__: set for packages (regular: [its directory]; namespace: every portion, in path order) */
  submoduleSearchLocations: string[] | null;
  /** origin is a file location (sets __file__) */
  hasLocation: boolean;
  /** __package__: the name for a package, else the name up to its last dot */
  parent: string;
}

/** The module attributes _init_module_attrs derives from a spec (those a path-based spec sets). */
export interface ModuleAttributes {
  __name__: string;
  __package__: string;
  /** absent when the spec has no location; null for a namespace package (bpo-32305) */
  __file__?: string | null;
  __cached__?: string;
  __path__?: string[];
}

export function moduleAttributes(spec: ModuleSpec): ModuleAttributes {
  const attrs: ModuleAttributes = { __name__: spec.name, __package__: spec.parent };
  if (spec.submoduleSearchLocations !== null) attrs.__path__ = [...spec.submoduleSearchLocations];
  if (spec.loaderKind === 'namespace') attrs.__file__ = null;
  if (spec.hasLocation) {
    attrs.__file__ = spec.origin!;
    if (spec.cached !== null) attrs.__cached__ = spec.cached;
  }
  return attrs;
}

/** ModuleSpec.parent */
export function specParent(name: string, submoduleSearchLocations: string[] | null): string {
  return submoduleSearchLocations === null ? name.slice(0, Math.max(0, name.lastIndexOf('.'))) : name;
}
