// Writing a cache file the way importlib does, through the port: SourceFileLoader._cache_bytecode
// (the pyc's mode from the source's) and SourceFileLoader.set_data (create the missing directories
// one level at a time, ignore one that already exists, give up quietly on any other failure, then
// write atomically). A cache that cannot be written is not an error: the result says why.
// CPython counterpart: Lib/importlib/_bootstrap_external.py _calc_mode, set_data, _write_atomic.
import type { FileSystem, WriteResult } from './fs.js';

/** _path_split: at the last separator. */
function pathSplit(path: string): [string, string] {
  const i = path.lastIndexOf('/');
  return i < 0 ? ['', path] : [path.slice(0, i), path.slice(i + 1)];
}

/** _calc_mode: the source's mode plus owner-write (so the pyc can be replaced later), 0o666 if unknown. */
export function calcMode(fs: FileSystem, sourcePath: string): number {
  const st = fs.stat(sourcePath);
  return (st ? st.mode : 0o666) | 0o200;
}

/** SourceFileLoader.set_data: mkdir the missing parents (0o777 before the umask), then write atomically. */
export function setData(fs: FileSystem, path: string, data: Uint8Array, options: { mode?: number; fsync?: boolean } = {}): WriteResult {
  let [parent] = pathSplit(path);
  const missing: string[] = [];
  while (parent && !fs.stat(parent)?.isDirectory) {
    const [up, part] = pathSplit(parent);
    missing.push(part);
    if (up === parent) break;
    parent = up;
  }
  for (const part of missing.reverse()) {
    parent = parent === '' ? part : parent === '/' ? `/${part}` : `${parent}/${part}`;
    const made = fs.mkdir(parent);
    // FileExistsError: probably another process made it first; go on (a file there fails the write).
    if (!made.created && !made.exists) {
      return { written: false, path, reason: 'mkdir-failed', errno: made.errno, detail: `could not create '${parent}': ${made.detail}` };
    }
  }
  return fs.writeFileAtomic(path, data, { mode: options.mode ?? 0o666, fsync: options.fsync });
}

/** SourceFileLoader._cache_bytecode: write `data` at `bytecodePath` with the mode _calc_mode gives. */
export function cacheBytecode(fs: FileSystem, sourcePath: string, bytecodePath: string, data: Uint8Array, options: { fsync?: boolean } = {}): WriteResult {
  return setData(fs, bytecodePath, data, { mode: calcMode(fs, sourcePath), fsync: options.fsync });
}
