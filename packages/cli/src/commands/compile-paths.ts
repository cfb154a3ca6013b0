// The path functions compileall's text depends on, with posixpath's exact semantics (os.path.join
// restarts at an absolute part; a trailing separator is kept), and repr() as its messages print paths.
import { PyStr, strRepr } from '@tspyc/bytecode';

/** posixpath.join */
export function pathJoin(first: string, ...rest: string[]): string {
  let path = first;
  for (const b of rest) {
    if (b.startsWith('/')) path = b;
    else if (!path || path.endsWith('/')) path += b;
    else path += '/' + b;
  }
  return path;
}

/** posixpath.basename */
export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** repr(path), as '{!r}'.format(path) prints it */
export function pathRepr(p: string): string {
  return strRepr(new PyStr(p));
}
