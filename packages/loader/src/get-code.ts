// The code object for a spec the finder returned, through the loader its spec names:
// SourceFileLoader (the cache, else compile and cache), SourcelessFileLoader (the pyc itself),
// NamespaceLoader (no code: an empty module). Extension modules cannot be loaded by tspyc.
import type { CodeObject } from '@tspyc/bytecode';
import { LoaderError, type FileSystem } from './fs.js';
import * as msg from './messages.js';
import type { ModuleSpec } from './module-spec.js';
import { loadCode, loadSourceless, type LoadCodeOptions } from './source-loader.js';

/** The module's code, or null for a namespace package (nothing to execute). */
export function getCode(fs: FileSystem, spec: ModuleSpec, options: Omit<LoadCodeOptions, 'fullname'>): CodeObject | null {
  switch (spec.loaderKind) {
    case 'source':
      return loadCode(fs, spec.origin!, { ...options, fullname: spec.name }).code;
    case 'sourceless':
      return loadSourceless(fs, spec.origin!, { target: options.target, fullname: spec.name });
    case 'namespace':
      return null;
    case 'extension':
      throw new LoaderError('extension', msg.cannotLoadExtension(spec.name, spec.origin!), spec.origin, 'ImportError', spec.name);
  }
}
