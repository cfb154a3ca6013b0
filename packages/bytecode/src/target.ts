// A Target is one CPython version: the facts every version-dependent stage needs.
// Nothing else in tspyc branches on version strings. Values from shared/docs/pyc-format.md §1–2
// and Lib/importlib/_bootstrap_external.py (MAGIC_NUMBER) of each version.
import { CodeLayout } from './code-object.js';

export type VersionKey = '2.7' | '3.6' | '3.7' | '3.8' | '3.9' | '3.10' | '3.11' | '3.12' | '3.13';

export interface Target {
  readonly version: VersionKey;
  readonly major: number;
  readonly minor: number;
  /** the u16 before \r\n in the pyc header */
  readonly magic: number;
  /** the 4 header bytes: magic (LE) then 0d 0a */
  readonly magicBytes: Uint8Array;
  /** sys.implementation.cache_tag; null for 2.7 (no __pycache__) */
  readonly cacheTag: string | null;
  /** bytes before the marshalled code: 8 (2.7), 12 (3.6), 16 (3.7+) */
  readonly headerSize: 8 | 12 | 16;
  /** keyed hash of hash-based pycs (PEP 552, 3.7+) */
  readonly sourceHash: 'siphash24' | 'siphash13' | null;
  /** marshal format version CPython writes pycs with */
  readonly marshalVersion: 2 | 4;
  readonly codeLayout: CodeLayout;
  /** true where tspyc compiles and writes (3.11+); older versions are read and inspected only */
  readonly writable: boolean;
}

function target(
  version: VersionKey,
  magic: number,
  codeLayout: CodeLayout,
  extra: { headerSize?: 8 | 12 | 16; sourceHash?: Target['sourceHash']; marshalVersion?: 2 | 4; writable?: boolean } = {},
): Target {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  return Object.freeze({
    version,
    major,
    minor,
    magic,
    magicBytes: new Uint8Array([magic & 0xff, magic >> 8, 0x0d, 0x0a]),
    cacheTag: major === 2 ? null : `cpython-${major}${minor}`,
    headerSize: extra.headerSize ?? 16,
    sourceHash: extra.sourceHash === undefined ? 'siphash24' : extra.sourceHash,
    marshalVersion: extra.marshalVersion ?? 4,
    codeLayout,
    writable: extra.writable ?? false,
  });
}

export const TARGETS: readonly Target[] = [
  target('2.7', 62211, CodeLayout.Py27, { headerSize: 8, sourceHash: null, marshalVersion: 2 }),
  target('3.6', 3379, CodeLayout.Py36, { headerSize: 12, sourceHash: null }),
  target('3.7', 3394, CodeLayout.Py36),
  target('3.8', 3413, CodeLayout.Py38),
  target('3.9', 3425, CodeLayout.Py38),
  target('3.10', 3439, CodeLayout.Py310),
  target('3.11', 3495, CodeLayout.Py311, { sourceHash: 'siphash13', writable: true }),
  target('3.12', 3531, CodeLayout.Py311, { sourceHash: 'siphash13', writable: true }),
  target('3.13', 3571, CodeLayout.Py311, { sourceHash: 'siphash13', writable: true }),
];

export const DEFAULT_TARGET_VERSION: VersionKey = '3.11';

/** The Target for "3.11" etc., or undefined. */
export function targetForVersion(version: string): Target | undefined {
  return TARGETS.find((t) => t.version === version);
}

/** The Target whose pyc magic number is `magic` (the u16), or undefined. */
export function targetForMagic(magic: number): Target | undefined {
  return TARGETS.find((t) => t.magic === magic);
}
