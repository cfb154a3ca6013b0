// The pyc header: magic, PEP 552 flags, then mtime+size or the source hash.
// CPython counterpart: Lib/importlib/_bootstrap_external.py (_classify_pyc, _code_to_timestamp_pyc,
// _code_to_hash_pyc) and the 2.7 / 3.6 layouts before PEP 552.
import { targetForMagic, type Target } from '../target.js';

export type PycHeader =
  | { kind: 'timestamp'; flags: number; mtime: number; size: number | null }
  | { kind: 'hash'; flags: number; checkSource: boolean; hash: Uint8Array };

export type PycErrorCode = 'empty' | 'bad-magic' | 'truncated-header' | 'invalid-flags' | 'marshal' | 'not-code';

/** A pyc that cannot be read; `message` follows importlib's wording where it has one. */
export class PycError extends Error {
  constructor(
    readonly code: PycErrorCode,
    message: string,
    /** byte offset where the problem was found */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'PycError';
  }
}

/** The Target a pyc was written for, from its first 4 bytes. */
export function targetOfPyc(data: Uint8Array): Target {
  if (data.length === 0) throw new PycError('empty', 'empty file: not a pyc', 0);
  if (data.length < 4 || data[2] !== 0x0d || data[3] !== 0x0a) {
    throw new PycError('bad-magic', `bad magic number: ${hex(data.subarray(0, 4))}`, 0);
  }
  const magic = data[0]! | (data[1]! << 8);
  const target = targetForMagic(magic);
  if (!target) throw new PycError('bad-magic', `bad magic number: ${hex(data.subarray(0, 4))} (no known Python version)`, 0);
  return target;
}

/** _classify_pyc plus the fields: the header of a pyc written for `target`. */
export function readHeader(data: Uint8Array, target: Target): PycHeader {
  if (data.length < target.headerSize) {
    throw new PycError('truncated-header', `reached EOF while reading pyc header (${data.length} of ${target.headerSize} bytes)`, data.length);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (target.headerSize === 8) return { kind: 'timestamp', flags: 0, mtime: view.getUint32(4, true), size: null };
  if (target.headerSize === 12) {
    return { kind: 'timestamp', flags: 0, mtime: view.getUint32(4, true), size: view.getUint32(8, true) };
  }
  const flags = view.getUint32(4, true);
  if ((flags & ~0b11) !== 0) throw new PycError('invalid-flags', `invalid flags ${flags}`, 4);
  if (flags & 0b1) {
    return { kind: 'hash', flags, checkSource: (flags & 0b10) !== 0, hash: data.slice(8, 16) };
  }
  // flags == 2 (check_source without hash-based) is accepted as a timestamp pyc, as importlib does.
  return { kind: 'timestamp', flags, mtime: view.getUint32(8, true), size: view.getUint32(12, true) };
}

/** _code_to_timestamp_pyc's header: mtime and size are reduced mod 2**32. */
export function timestampHeader(mtime: number, size: number): PycHeader {
  return { kind: 'timestamp', flags: 0, mtime: toU32(Math.trunc(mtime)), size: toU32(size) };
}

/** _code_to_hash_pyc's header, given the 8-byte source hash. */
export function hashHeader(hash: Uint8Array, checkSource: boolean): PycHeader {
  if (hash.length !== 8) throw new RangeError('a pyc source hash is 8 bytes');
  return { kind: 'hash', flags: checkSource ? 0b11 : 0b01, checkSource, hash: hash.slice() };
}

/** The header bytes for `target` (3.7+ PEP 552 layout; 3.6 and 2.7 timestamp layouts). */
export function encodeHeader(target: Target, header: PycHeader): Uint8Array {
  const out = new Uint8Array(target.headerSize);
  const view = new DataView(out.buffer);
  out.set(target.magicBytes, 0);
  if (target.headerSize < 16) {
    if (header.kind !== 'timestamp') throw new RangeError(`Python ${target.version} has no hash-based pycs`);
    view.setUint32(4, header.mtime, true);
    if (target.headerSize === 12) view.setUint32(8, header.size ?? 0, true);
    return out;
  }
  view.setUint32(4, header.flags, true);
  if (header.kind === 'hash') out.set(header.hash, 8);
  else {
    view.setUint32(8, header.mtime, true);
    view.setUint32(12, header.size ?? 0, true);
  }
  return out;
}

function toU32(n: number): number {
  return Number(BigInt.asUintN(32, BigInt(n)));
}

function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ') || '(none)';
}
