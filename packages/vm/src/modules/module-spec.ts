// importlib's ModuleSpec and file loaders: the objects a module's __spec__ and __loader__ hold for
// the path-based modules tspyc's loader finds, and for __main__ as `python FILE`, `python -c` and
// `python -m` set them.
// CPython counterpart: Lib/importlib/_bootstrap.py (ModuleSpec, BuiltinImporter) and
// Lib/importlib/_bootstrap_external.py (SourceFileLoader, SourcelessFileLoader, NamespaceLoader).
import { raise } from '../errors.js';
import { ts } from '../eval/state.js';
import type { FoundModule } from '../host.js';
import { PyDict } from '../objects/dict.js';
import { importErrorType, typeErrorType } from '../objects/exception-types.js';
import { False, newInt, pyBool, True } from '../objects/int.js';
import { PyList } from '../objects/list.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { PyProperty } from '../objects/descr.js';
import { None, NotImplemented, objectType, PyObject, PyType, TPFLAGS_BASETYPE, builtinType, typeType } from '../objects/object.js';
import { c3 } from '../objects/type.js';
import { newStr, PyStr } from '../objects/str.js';
import { pyHash } from '../protocols/hash.js';
import { repr } from '../protocols/repr.js';
import { richCompareBool, CMP_EQ } from '../protocols/compare.js';

const inModule = (t: PyType, module: string): PyType => {
  t.module = module;
  return t;
};

/** A loader class of several bases, its __mro__ by C3 as CPython's. */
function loaderType(name: string, bases: PyType[]): PyType {
  const t = new PyType(typeType, name, bases, TPFLAGS_BASETYPE);
  t.mro = c3(t, bases);
  t.solid = objectType;
  return t;
}

export const moduleSpecType = inModule(builtinType('ModuleSpec'), '_frozen_importlib');
/** The class itself is -c's __loader__ (and a built-in module's). */
export const builtinImporterType = inModule(builtinType('BuiltinImporter'), '_frozen_importlib');
const loaderBasicsType = inModule(builtinType('_LoaderBasics'), '_frozen_importlib_external');
const fileLoaderType = inModule(builtinType('FileLoader'), '_frozen_importlib_external');
const sourceLoaderType = inModule(builtinType('SourceLoader', loaderBasicsType), '_frozen_importlib_external');
export const sourceFileLoaderType = inModule(loaderType('SourceFileLoader', [fileLoaderType, sourceLoaderType]), '_frozen_importlib_external');
export const sourcelessFileLoaderType = inModule(loaderType('SourcelessFileLoader', [fileLoaderType, loaderBasicsType]), '_frozen_importlib_external');
export const namespaceLoaderType = inModule(builtinType('NamespaceLoader'), '_frozen_importlib_external');

const str = (s: string | null): PyObject => (s === null ? None : newStr(s));
const attr = (o: PyObject, name: string): PyObject => (o.dict as PyDict).getStr(name) ?? None;
const text = (o: PyObject): string | null => (o instanceof PyStr ? o.value : null);

/** A property whose getter is native (ModuleSpec.cached, .parent, .has_location). */
function defProperty(t: PyType, name: string, get: (self: PyObject) => PyObject): void {
  const p = new PyProperty();
  p.fget = builtinFunction(name, (a) => get(a[0]!));
  p.name = name;
  t.setAttr(name, p);
}

let initialized = false;

function init(): void {
  if (initialized) return;
  initialized = true;
  const spec = moduleSpecType;
  defProperty(spec, 'cached', (s) => attr(s, '_cached'));
  defProperty(spec, 'parent', (s) => {
    const name = text(attr(s, 'name')) ?? '';
    return newStr(attr(s, 'submodule_search_locations') === None ? name.slice(0, Math.max(0, name.lastIndexOf('.'))) : name);
  });
  defProperty(spec, 'has_location', (s) => attr(s, '_set_fileattr'));
  defMethod(spec, '__repr__', (a) => {
    const s = a[0]!;
    const args = [`name=${repr(attr(s, 'name'))}`, `loader=${repr(attr(s, 'loader'))}`];
    if (attr(s, 'origin') !== None) args.push(`origin=${repr(attr(s, 'origin'))}`);
    if (attr(s, 'submodule_search_locations') !== None) args.push(`submodule_search_locations=${repr(attr(s, 'submodule_search_locations'))}`);
    return newStr(`${s.type.name}(${args.join(', ')})`);
  });
  defMethod(spec, '__eq__', (a) => {
    const [s, o] = a as [PyObject, PyObject];
    if (!(o.dict instanceof PyDict) || !o.type.isSubtype(moduleSpecType)) return NotImplemented;
    const same = (name: string) => richCompareBool(attr(s, name), attr(o, name), CMP_EQ);
    return pyBool(['name', 'loader', 'origin', '_cached', 'submodule_search_locations', '_set_fileattr'].every(same));
  });
  spec.setAttr('__hash__', None);

  // FileLoader(fullname, path): name and path; equal when of one class with equal attributes.
  const file = fileLoaderType;
  defMethod(file, '__new__', (a) => {
    const o = new PyObject(a[0] as PyType);
    o.dict = new PyDict();
    return o;
  });
  defMethod(file, '__init__', (a, kw) => {
    const args = [...a.slice(1), ...(kw ? [...kw.values()] : [])];
    if (args.length !== 2) raise(typeErrorType, `FileLoader.__init__() takes 3 positional arguments but ${args.length + 1} were given`);
    const d = a[0]!.dict as PyDict;
    d.setStr('name', args[0]!);
    d.setStr('path', args[1]!);
    return None;
  });
  defMethod(file, 'get_filename', (a) => {
    checkName(a[0]!, a[1]);
    return attr(a[0]!, 'path');
  });
  defMethod(file, '__eq__', (a) => {
    const [s, o] = a as [PyObject, PyObject];
    if (s.type !== o.type) return NotImplemented;
    return pyBool(richCompareBool(attr(s, 'name'), attr(o, 'name'), CMP_EQ) && richCompareBool(attr(s, 'path'), attr(o, 'path'), CMP_EQ));
  });
  // hash(self.name) ^ hash(self.path), as a Py_hash_t (-1 becomes -2)
  defMethod(file, '__hash__', (a) => {
    const h = BigInt.asIntN(64, pyHash(attr(a[0]!, 'name')) ^ pyHash(attr(a[0]!, 'path')));
    return newInt(h === -1n ? -2n : h);
  });
  // _LoaderBasics.is_package: the file's stem is __init__
  defMethod(loaderBasicsType, 'is_package', (a) => {
    checkName(a[0]!, a[1]);
    const path = text(attr(a[0]!, 'path')) ?? '';
    const filename = path.slice(path.lastIndexOf('/') + 1);
    return pyBool(filename.slice(0, filename.indexOf('.') < 0 ? filename.length : filename.indexOf('.')) === '__init__');
  });
  defMethod(sourceLoaderType, 'get_source', (a) => {
    checkName(a[0]!, a[1]);
    const path = text(attr(a[0]!, 'path')) ?? '';
    const source = ts.host?.readSource?.(path) ?? null;
    if (source === null) raise(importErrorType, 'source not available through get_data()');
    return newStr(source);
  });
  defMethod(sourcelessFileLoaderType, 'get_source', (a) => {
    checkName(a[0]!, a[1]);
    return None;
  });
  defMethod(namespaceLoaderType, 'is_package', () => True);
  defMethod(namespaceLoaderType, 'get_source', () => newStr(''));
}

/** _check_name: a file loader handles only the module it was made for (None: that one). */
function checkName(loader: PyObject, name: PyObject | undefined): void {
  const own = attr(loader, 'name');
  if (name === undefined || name === None) return;
  if (!richCompareBool(own, name, CMP_EQ)) raise(importErrorType, `loader for ${text(own)} cannot handle ${name instanceof PyStr ? name.value : repr(name)}`);
}

function instance(t: PyType, attrs: [string, PyObject][]): PyObject {
  init();
  const o = new PyObject(t);
  const d = new PyDict();
  for (const [k, v] of attrs) d.setStr(k, v);
  o.dict = d;
  return o;
}

/** SourceFileLoader(name, path) / SourcelessFileLoader(name, path). */
export function fileLoader(kind: 'source' | 'sourceless', name: string, path: string): PyObject {
  return instance(kind === 'source' ? sourceFileLoaderType : sourcelessFileLoaderType, [
    ['name', newStr(name)],
    ['path', newStr(path)],
  ]);
}

/** The BuiltinImporter class (a built-in module's and -c's __loader__). */
export function builtinImporter(): PyObject {
  init();
  return builtinImporterType;
}

/** spec_from_file_location's spec for a module the host found, with its loader. */
export function specFor(name: string, found: FoundModule): PyObject {
  const locations = found.path === null ? None : new PyList(found.path.map(newStr));
  const loader =
    found.loaderKind === 'namespace'
      ? instance(namespaceLoaderType, [['_path', locations]])
      : fileLoader(found.loaderKind === 'sourceless' ? 'sourceless' : 'source', name, found.origin ?? '');
  return instance(moduleSpecType, [
    ['name', newStr(name)],
    ['loader', loader],
    ['origin', str(found.origin)],
    ['loader_state', None],
    ['submodule_search_locations', locations],
    ['_uninitialized_submodules', new PyList([])],
    ['_set_fileattr', found.hasLocation ? True : False],
    ['_cached', str(found.cached)],
    ['_initializing', False],
  ]);
}

/** A built-in module's spec: ModuleSpec(name, BuiltinImporter, origin='built-in'). */
export function builtinSpec(name: string): PyObject {
  return instance(moduleSpecType, [
    ['name', newStr(name)],
    ['loader', builtinImporter()],
    ['origin', newStr('built-in')],
    ['loader_state', None],
    ['submodule_search_locations', None],
    ['_uninitialized_submodules', new PyList([])],
    ['_set_fileattr', False],
    ['_cached', None],
    ['_initializing', False],
  ]);
}

/** The loader a spec made by specFor carries. */
export function specLoader(spec: PyObject): PyObject {
  return attr(spec, 'loader');
}
