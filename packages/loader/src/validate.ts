// Is a cache fresh for its source? importlib 3.11's decision, as pure functions:
// _classify_pyc, _validate_timestamp_pyc and _validate_hash_pyc of
// Lib/importlib/_bootstrap_external.py (SourceLoader.get_code), plus tspyc's "no stale window".
import { sourceHash, type Target } from '@tspyc/bytecode';

export type StaleReason =
  | 'magic' // another Python version's (or no) magic number
  | 'truncated' // shorter than the 16-byte header
  | 'flags' // flag bits other than 0 and 1 set
  | 'mtime' // the header's mtime is not the source's
  | 'size' // the header's size is not the source's
  | 'hash' // checked-hash pyc whose hash is not the source's
  | 'mtime-ns'; // tspyc only: the source changed in the same second, after the cache was written

export type Freshness = { fresh: true; kind: 'timestamp' | 'checked-hash' | 'unchecked-hash' } | { fresh: false; reason: StaleReason };

export type CheckHashBasedPycs = 'default' | 'always' | 'never';

export interface SourceFacts {
  /** st_mtime_ns of the source */
  mtimeNs: bigint;
  size: number;
  /** the source bytes, read only when a hash must be checked */
  bytes: () => Uint8Array;
}

const readU32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/**
 * int(st_mtime) & 0xFFFFFFFF, exactly as importlib computes it: st_mtime is the double
 * `sec + nsec * 1e-9` (Modules/posixmodule.c fill_time), so an mtime within ~120 ns of the next
 * second rounds up to it before int() truncates toward zero; then mod 2**32.
 */
export function headerMtime(mtimeNs: bigint): number {
  const NS = 1_000_000_000n;
  const sec = mtimeNs >= 0n ? mtimeNs / NS : -((-mtimeNs + NS - 1n) / NS); // floor, as tv_sec
  const nsec = mtimeNs - sec * NS; // 0 <= tv_nsec < 1e9
  const stMtime = Number(sec) + Number(nsec) * 1e-9;
  return Number(BigInt.asUintN(32, BigInt(Math.trunc(stMtime))));
}

/**
 * importlib's decision for `pyc` (its bytes, at least the header) against the source.
 * `cacheMtimeNs` is the cache file's own mtime, used by the no-stale-window rule: when the source's
 * mtime falls in the second the header records, a source written after its cache is stale
 * (importlib would trust it; pass null to get importlib's decision unchanged).
 */
export function validatePyc(
  pyc: Uint8Array,
  source: SourceFacts,
  target: Target,
  options: { checkHashBasedPycs?: CheckHashBasedPycs; cacheMtimeNs?: bigint | null } = {},
): Freshness {
  const magic = target.magicBytes;
  if (pyc.length < 4 || pyc[0] !== magic[0] || pyc[1] !== magic[1] || pyc[2] !== magic[2] || pyc[3] !== magic[3]) {
    return { fresh: false, reason: 'magic' };
  }
  if (pyc.length < 16) return { fresh: false, reason: 'truncated' };
  const flags = readU32(pyc, 4);
  if (flags & ~0b11) return { fresh: false, reason: 'flags' };
  const mode = options.checkHashBasedPycs ?? 'default';
  if (flags & 0b1) {
    const checkSource = (flags & 0b10) !== 0;
    if (mode !== 'never' && (checkSource || mode === 'always')) {
      const hash = sourceHash(target, source.bytes());
      for (let i = 0; i < 8; i++) if (hash[i] !== pyc[8 + i]) return { fresh: false, reason: 'hash' };
    }
    return { fresh: true, kind: checkSource ? 'checked-hash' : 'unchecked-hash' };
  }
  if (readU32(pyc, 8) !== headerMtime(source.mtimeNs)) return { fresh: false, reason: 'mtime' };
  if (readU32(pyc, 12) !== source.size >>> 0) return { fresh: false, reason: 'size' };
  const cacheNs = options.cacheMtimeNs;
  if (cacheNs !== undefined && cacheNs !== null) {
    // The window (cpython #75953): the cache was written in the second its header records, and the
    // source changed later in that same second — same mtime second, maybe same size. A cache
    // written in a later second postdates any edit in that second, so outside the window the
    // decision stays importlib's. Equal mtimes count as stale: file times come from a coarse clock
    // (a jiffy, 1-4 ms), so a write just after the cache's can carry the very same mtime.
    const second = source.mtimeNs / 1_000_000_000n;
    if (cacheNs / 1_000_000_000n === second && source.mtimeNs >= cacheNs) return { fresh: false, reason: 'mtime-ns' };
  }
  return { fresh: true, kind: 'timestamp' };
}
