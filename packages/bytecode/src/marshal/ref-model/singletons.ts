// The objects CPython 3.11 keeps once per process, which every compile hands out again instead of
// making new ones. Each carries an extra reference (the cache's own), so marshal always writes it
// with FLAG_REF, and every use after the first in one pyc becomes a TYPE_REF.
// CPython counterparts: _PyLong_SMALL_INTS (−5..256), _Py_LATIN1_CHR (1-character str of code
// point < 256), the empty str/bytes/tuple singletons, the 1-byte bytes table
// (_Py_SINGLETON(bytes_characters)), and compile.c's static names (&_Py_STR(anon_module), …;
// which names those are is in version-rules.ts).
import { PyBytes, PyInt, PyStr, PyTuple } from '../../values.js';

export const SMALL_INT_MIN = -5n;
export const SMALL_INT_MAX = 256n;

/** True for a str CPython never allocates twice: '' and one Latin-1 character. */
export function isSingletonStr(value: string, utf8: Uint8Array | null): boolean {
  return utf8 === null && (value.length === 0 || (value.length === 1 && value.charCodeAt(0) < 256));
}

/** One model run's view of the process-wide singletons (fresh objects per run, flags settle at the end). */
export class Singletons {
  readonly emptyTuple = new PyTuple([]);
  readonly emptyBytes = new PyBytes(new Uint8Array(0));
  private readonly ints = new Map<bigint, PyInt>();
  private readonly chars = new Map<string, PyStr>();
  private readonly byteChars = new Map<number, PyBytes>();
  private readonly staticNames = new Map<string, PyStr>();
  /** every singleton made (the empty tuple and bytes always are), so the ref pass can flag them */
  readonly used: { ref: boolean }[] = [this.emptyTuple, this.emptyBytes];

  /** @param internedAtStartup 1-character strings the process interned before compiling */
  constructor(private readonly internedAtStartup: (value: string) => boolean) {}

  smallInt(value: bigint): PyInt | null {
    if (value < SMALL_INT_MIN || value > SMALL_INT_MAX) return null;
    let v = this.ints.get(value);
    if (!v) this.ints.set(value, (v = this.use(new PyInt(value))));
    return v;
  }

  /** '' or a 1-character Latin-1 str; interned if the process did so already, else when the compile does. */
  str(value: string): PyStr {
    let v = this.chars.get(value);
    if (!v) this.chars.set(value, (v = this.use(new PyStr(value, this.internedAtStartup(value)))));
    return v;
  }

  bytes(value: Uint8Array): PyBytes | null {
    if (value.length === 0) return this.emptyBytes;
    if (value.length !== 1) return null;
    let v = this.byteChars.get(value[0]!);
    if (!v) this.byteChars.set(value[0]!, (v = this.use(new PyBytes(value.slice()))));
    return v;
  }

  tuple(items: PyTuple['items']): PyTuple {
    return items.length === 0 ? this.emptyTuple : new PyTuple(items);
  }

  staticName(value: string): PyStr {
    let v = this.staticNames.get(value);
    if (!v) this.staticNames.set(value, (v = this.use(new PyStr(value))));
    return v;
  }

  private use<T extends { ref: boolean }>(v: T): T {
    this.used.push(v);
    return v;
  }
}
