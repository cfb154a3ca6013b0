// importlib.util.source_hash: the 8 bytes a hash-based pyc stores (PEP 552).
// Keyed by the version's magic number read as a little-endian u32 (k0), with k1 = 0;
// SipHash-1-3 from 3.11 on, SipHash-2-4 in 3.7–3.10 (shared/docs/pyc-format.md §2.4).
import type { Target } from '../target.js';
import { siphash } from './siphash.js';

export function sourceHash(target: Target, source: Uint8Array): Uint8Array {
  const m = target.magicBytes;
  const k0 = (m[0]! | (m[1]! << 8) | (m[2]! << 16) | (m[3]! << 24)) >>> 0;
  switch (target.sourceHash) {
    case 'siphash13':
      return siphash(k0, 0, 0, 0, source, 1, 3);
    case 'siphash24':
      return siphash(k0, 0, 0, 0, source, 2, 4);
    default:
      throw new RangeError(`Python ${target.version} has no hash-based pycs`);
  }
}
