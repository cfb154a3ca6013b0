// posix's file functions over the host's files: descriptors (open, read, write, lseek, close,
// fstat, ftruncate, isatty), paths (stat, lstat, listdir, scandir, mkdir, rmdir, unlink, rename,
// replace, readlink, access, getcwd, chdir) and os.stat_result with its float and _ns times.
// CPython counterpart: Modules/posixmodule.c.
import { bufferArg } from '../protocols/buffer.js';
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { False, intFromNumber, newInt, pyBool, PyInt } from '../objects/int.js';
import { asFloatOperand } from '../protocols/number.js';
import { PyFloat } from '../objects/float.js';
import { PyBytes } from '../objects/bytes.js';
import { PyDict } from '../objects/dict.js';
import { PyList } from '../objects/list.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
import { PyNativeIter } from '../objects/iterators.js';
import { defIteratorMethods } from '../objects/iterator-methods.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { notImplementedErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { asJsIndex } from '../protocols/number.js';
import { repr } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';
import type { HostStat } from '../host.js';
import { fspath, hostFiles, osCall, osError, pathText } from './host-files.js';
import { structSeqType } from './structseq.js';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/** The HostStat behind each stat_result, for the fields the tuple does not hold. */
const statDetails = new WeakMap<PyObject, HostStat>();
let statResultType: PyType | null = null;

function statResult(): PyType {
  if (statResultType !== null) return statResultType;
  const t = structSeqType('os', 'stat_result', 'st_mode st_ino st_dev st_nlink st_uid st_gid st_size st_atime st_mtime st_ctime');
  const detail = (o: PyObject) => statDetails.get(o);
  // the tuple holds whole seconds; the attributes are floats, with _ns and the extra fields
  for (const [name, key] of [['st_atime', 'atimeNs'], ['st_mtime', 'mtimeNs'], ['st_ctime', 'ctimeNs']] as const) {
    defGetSet(t, name, (o) => {
      const s = detail(o);
      return s === undefined ? (o as PyTuple).items[name === 'st_atime' ? 7 : name === 'st_mtime' ? 8 : 9]! : new PyFloat(Number(s[key]) / 1e9);
    });
    defGetSet(t, `${name}_ns`, (o) => newInt(detail(o)?.[key] ?? 0n));
  }
  for (const [name, key] of [['st_blksize', 'blksize'], ['st_blocks', 'blocks'], ['st_rdev', 'rdev']] as const) {
    defGetSet(t, name, (o) => intFromNumber(detail(o)?.[key] ?? 0));
  }
  statResultType = t;
  return t;
}

const seconds = (ns: bigint) => newInt(ns >= 0n ? ns / 1_000_000_000n : -((-ns + 999_999_999n) / 1_000_000_000n));

function statObject(s: HostStat): PyObject {
  const o = new PyTuple(
    [intFromNumber(s.mode), newInt(s.ino), newInt(s.dev), intFromNumber(s.nlink), intFromNumber(s.uid), intFromNumber(s.gid), intFromNumber(s.size), seconds(s.atimeNs), seconds(s.mtimeNs), seconds(s.ctimeNs)],
    statResult(),
  );
  statDetails.set(o, s);
  return o;
}

/** Keyword-only booleans such as follow_symlinks; dir_fd is accepted only as None. */
function flagsOf(fname: string, kw: Kwargs | null, allowed: string[]): Map<string, PyObject> {
  const out = new Map<string, PyObject>();
  for (const [k, v] of kw ?? []) {
    if (!allowed.includes(k)) raise(typeErrorType, `'${k}' is an invalid keyword argument for ${fname}()`);
    if (k === 'dir_fd' && v !== None) raise(notImplementedErrorType, 'dir_fd unavailable on this platform');
    out.set(k, v);
  }
  return out;
}


function fdArg(o: PyObject | undefined): number {
  if (o === undefined) raise(typeErrorType, 'an integer is required');
  return asJsIndex(o);
}

/** stat(path) for a path or a descriptor (os.stat accepts both). */
function statOf(fname: string, path: PyObject, follow: boolean): PyObject {
  if (path instanceof PyObject && !(path instanceof PyStr || path instanceof PyBytes) && path.type.name === 'int') {
    const fd = asJsIndex(path);
    return statObject(osCall(() => hostFiles(fname).fstat(fd)));
  }
  const p = pathText(path, fname, 'path', ['integer']);
  return statObject(osCall(() => hostFiles(fname, path).stat(p, follow), path));
}

/** os.DirEntry: one name scandir found, with its lstat fetched on demand. */
const dirEntryType = builtinType('DirEntry', undefined, 0);
dirEntryType.module = 'posix';
const scandirIteratorType = builtinType('ScandirIterator', undefined, 0);
scandirIteratorType.module = 'posix';

class PyDirEntry extends PyObject {
  private lstat: HostStat | null | undefined;
  constructor(
    readonly name: PyObject,
    readonly path: PyObject,
  ) {
    super(dirEntryType);
  }
  /** lstat of the entry, null when it vanished */
  linkStat(): HostStat | null {
    if (this.lstat === undefined) {
      try {
        this.lstat = osCall(() => hostFiles('scandir').stat(pathText(this.path, 'scandir'), false), this.path);
      } catch {
        this.lstat = null;
      }
    }
    return this.lstat;
  }
  is(type: number, follow: boolean): boolean {
    let s = this.linkStat();
    if (s !== null && follow && (s.mode & S_IFMT) === S_IFLNK) {
      try {
        s = hostFiles('scandir').stat(pathText(this.path, 'scandir'), true);
      } catch {
        return false;
      }
    }
    return s !== null && (s.mode & S_IFMT) === type;
  }
}

function initDirEntry(): void {
  const t = dirEntryType;
  const e = (o: PyObject) => o as PyDirEntry;
  const follow = (kw: Kwargs | null) => {
    const f = flagsOf('is_dir', kw, ['follow_symlinks']).get('follow_symlinks');
    return f === undefined || isTrue(f);
  };
  defGetSet(t, 'name', (o) => e(o).name);
  defGetSet(t, 'path', (o) => e(o).path);
  defMethod(t, 'is_dir', (a, kw) => pyBool(e(a[0]!).is(S_IFDIR, follow(kw))));
  defMethod(t, 'is_file', (a, kw) => pyBool(e(a[0]!).is(S_IFREG, follow(kw))));
  defMethod(t, 'is_symlink', (a) => pyBool(e(a[0]!).is(S_IFLNK, false)));
  defMethod(t, 'stat', (a, kw) => statOf('stat', e(a[0]!).path, follow(kw)));
  defMethod(t, 'inode', (a) => newInt(e(a[0]!).linkStat()?.ino ?? 0n));
  defMethod(t, '__fspath__', (a) => e(a[0]!).path);
  defMethod(t, '__repr__', (a) => newStr(`<DirEntry ${repr(e(a[0]!).name)}>`));
  defIteratorMethods(scandirIteratorType);
  defMethod(scandirIteratorType, '__enter__', (a) => a[0]!);
  defMethod(scandirIteratorType, '__exit__', () => False);
  defMethod(scandirIteratorType, 'close', () => None);
}

/** The file functions, added to the posix module's dict. */
export function installFileFunctions(d: PyDict): void {
  initDirEntry();
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  const files = (what: string, filename?: PyObject) => hostFiles(what, filename);
  d.setStr('stat_result', statResult());
  d.setStr('DirEntry', dirEntryType);
  def('open', (a, kw) => {
    const opts = flagsOf('open', kw, ['path', 'flags', 'mode', 'dir_fd']);
    const path = a[0] ?? opts.get('path');
    const flags = a[1] ?? opts.get('flags');
    if (path === undefined || flags === undefined) raise(typeErrorType, "open() missing required argument 'path' (pos 1)");
    const mode = a[2] ?? opts.get('mode');
    const p = pathText(path, 'open');
    return intFromNumber(osCall(() => files('open', path).open(p, asJsIndex(flags), mode === undefined ? 0o777 : asJsIndex(mode)), path));
  });
  def('read', (a) => {
    const fd = fdArg(a[0]);
    const n = asJsIndex(a[1] ?? None);
    if (n < 0) throw osError(22, 'Invalid argument');
    return new PyBytes(osCall(() => files('read').read(fd, n)));
  });
  def('write', (a) => {
    const fd = fdArg(a[0]);
    const data = bufferArg(a[1]);
    return intFromNumber(osCall(() => files('write').write(fd, data)));
  });
  def('lseek', (a) => intFromNumber(osCall(() => files('lseek').seek(fdArg(a[0]), asJsIndex(a[1] ?? None), asJsIndex(a[2] ?? None) as 0 | 1 | 2))));
  def('close', (a) => (osCall(() => files('close').close(fdArg(a[0]))), None));
  def('fstat', (a) => statObject(osCall(() => files('fstat').fstat(fdArg(a[0])))));
  def('ftruncate', (a) => (osCall(() => files('ftruncate').truncate(fdArg(a[0]), asJsIndex(a[1] ?? None))), None));
  def('isatty', (a) => pyBool(files('isatty').isatty(fdArg(a[0]))));
  def('stat', (a, kw) => {
    const opts = flagsOf('stat', kw, ['path', 'dir_fd', 'follow_symlinks']);
    const follow = opts.get('follow_symlinks');
    return statOf('stat', a[0] ?? opts.get('path') ?? None, follow === undefined || isTrue(follow));
  });
  def('lstat', (a, kw) => {
    const opts = flagsOf('lstat', kw, ['path', 'dir_fd']);
    return statOf('lstat', a[0] ?? opts.get('path') ?? None, false);
  });
  def('listdir', (a) => {
    const path = a[0] ?? None;
    const p = path === None ? '.' : pathText(path, 'listdir', 'path', ['integer', 'None']);
    const names = osCall(() => files('listdir', path === None ? newStr('.') : path).listdir(p), path === None ? newStr('.') : path);
    const asBytes = path instanceof PyBytes;
    return new PyList(names.map((n) => (asBytes ? new PyBytes(new TextEncoder().encode(n)) : newStr(n))));
  });
  def('scandir', (a) => {
    const path = a[0] ?? None;
    const shown = path === None ? newStr('.') : fspath(path);
    const p = path === None ? '.' : pathText(path, 'scandir');
    const names = osCall(() => files('scandir', shown).listdir(p), shown);
    const asBytes = shown instanceof PyBytes;
    const prefix = path === None ? '' : p.endsWith('/') ? p : `${p}/`;
    const entries = names.map((n) => {
      const full = `${prefix}${n}`;
      return asBytes ? new PyDirEntry(new PyBytes(new TextEncoder().encode(n)), new PyBytes(new TextEncoder().encode(full))) : new PyDirEntry(newStr(n), newStr(`${path === None ? './' : prefix}${n}`));
    });
    let i = 0;
    return new PyNativeIter(scandirIteratorType, () => (i < entries.length ? entries[i++]! : null));
  });
  def('mkdir', (a, kw) => {
    const opts = flagsOf('mkdir', kw, ['path', 'mode', 'dir_fd']);
    const path = a[0] ?? opts.get('path') ?? None;
    const mode = a[1] ?? opts.get('mode');
    const p = pathText(path, 'mkdir');
    osCall(() => files('mkdir', path).mkdir(p, mode === undefined ? 0o777 : asJsIndex(mode)), path);
    return None;
  });
  const onePath = (name: string, op: (p: string) => void) =>
    def(name, (a, kw) => {
      const opts = flagsOf(name, kw, ['path', 'dir_fd']);
      const path = a[0] ?? opts.get('path') ?? None;
      const p = pathText(path, name);
      osCall(() => op.call(null, p), path);
      return None;
    });
  onePath('rmdir', (p) => files('rmdir').rmdir(p));
  onePath('unlink', (p) => files('unlink').unlink(p));
  onePath('remove', (p) => files('remove').unlink(p));
  onePath('chdir', (p) => files('chdir').chdir(p));
  for (const name of ['rename', 'replace']) {
    def(name, (a, kw) => {
      const opts = flagsOf(name, kw, ['src', 'dst', 'src_dir_fd', 'dst_dir_fd']);
      const src = a[0] ?? opts.get('src') ?? None;
      const dst = a[1] ?? opts.get('dst') ?? None;
      const [s, t] = [pathText(src, name, 'src'), pathText(dst, name, 'dst')];
      osCall(() => files(name, src).rename(s, t), src, dst);
      return None;
    });
  }
  def('readlink', (a) => {
    const path = a[0] ?? None;
    const p = pathText(path, 'readlink');
    return newStr(osCall(() => files('readlink', path).readlink(p), path));
  });
  def('access', (a, kw) => {
    flagsOf('access', kw, ['path', 'mode', 'dir_fd', 'effective_ids', 'follow_symlinks']);
    const path = a[0] ?? None;
    const mode = asJsIndex(a[1] ?? None);
    let s: HostStat;
    try {
      s = files('access', path).stat(pathText(path, 'access'), true);
    } catch {
      return False;
    }
    // the owner's permission bits stand for the process's (tspyc does not know its own uid)
    const bits = (s.mode >> 6) & 7;
    return pyBool((mode & 4 ? bits & 4 : 1) && (mode & 2 ? bits & 2 : 1) && (mode & 1 ? bits & 1 : 1) ? true : false);
  });
  def('chmod', (a, kw) => {
    const opts = flagsOf('chmod', kw, ['path', 'mode', 'dir_fd', 'follow_symlinks']);
    const path = a[0] ?? opts.get('path') ?? None;
    const mode = asJsIndex(a[1] ?? opts.get('mode') ?? None);
    const p = pathText(path, 'chmod');
    osCall(() => files('chmod', path).chmod(p, mode), path);
    return None;
  });
  // utime(path, times=None, *, ns=None): seconds as (atime, mtime) or nanoseconds; neither: now
  def('utime', (a, kw) => {
    const opts = flagsOf('utime', kw, ['path', 'times', 'ns', 'dir_fd', 'follow_symlinks']);
    const path = a[0] ?? opts.get('path') ?? None;
    const times = a[1] ?? opts.get('times') ?? None;
    const ns = opts.get('ns');
    const p = pathText(path, 'utime');
    let at: bigint;
    let mt: bigint;
    if (times !== None && ns !== undefined) raise(valueErrorType, "utime: you may specify either 'times' or 'ns' but not both");
    if (times !== None) {
      if (!(times instanceof PyTuple) || times.items.length !== 2) raise(typeErrorType, 'utime: \'times\' must be either a tuple of two ints or None');
      [at, mt] = times.items.map((x) => {
        const v = asFloatOperand(x);
        if (v === undefined) raise(typeErrorType, `an integer or float is required, not ${x.type.name}`);
        return BigInt(Math.round(v * 1e9));
      }) as [bigint, bigint];
    } else if (ns !== undefined) {
      if (!(ns instanceof PyTuple) || ns.items.length !== 2) raise(typeErrorType, 'utime: \'ns\' must be a tuple of two ints');
      [at, mt] = ns.items.map((x) => (x as PyInt).value) as [bigint, bigint];
    } else {
      at = mt = BigInt(Date.now()) * 1_000_000n;
    }
    osCall(() => files('utime', path).utime(p, at, mt), path);
    return None;
  });
  def('getcwd', () => newStr(osCall(() => files('getcwd').getcwd())));
  def('getcwdb', () => new PyBytes(new TextEncoder().encode(osCall(() => files('getcwd').getcwd()))));
}
