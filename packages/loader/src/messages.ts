// Every Python-visible loader message, word for word as importlib 3.11 words it
// (Lib/importlib/_bootstrap.py, _bootstrap_external.py, util.py). One function per message.
import { bytesRepr, PyStr, strRepr } from '@tspyc/bytecode';

const repr = (s: string): string => strRepr(new PyStr(s));

/** _classify_pyc */
export const badMagicNumber = (name: string, magic: Uint8Array): string => `bad magic number in ${repr(name)}: ${bytesRepr(magic)}`;
export const eofReadingHeader = (name: string): string => `reached EOF while reading pyc header of ${repr(name)}`;
export const invalidFlags = (flags: number, name: string): string => `invalid flags ${flags} in ${repr(name)}`;
/** _validate_timestamp_pyc, _validate_hash_pyc */
export const bytecodeIsStale = (name: string): string => `bytecode is stale for ${repr(name)}`;
export const hashMismatch = (name: string): string => `hash in bytecode doesn't match hash of source ${repr(name)}`;
/** _compile_bytecode */
export const nonCodeObject = (bytecodePath: string): string => `Non-code object in ${repr(bytecodePath)}`;
/** _find_and_load_unlocked */
export const noModuleNamed = (name: string): string => `No module named ${repr(name)}`;
export const notAPackage = (name: string, parent: string): string => `No module named ${repr(name)}; ${repr(parent)} is not a package`;
/** _resolve_name, _sanity_check, importlib.util.resolve_name */
export const beyondTopLevel = (): string => 'attempted relative import beyond top-level package';
export const noKnownParent = (): string => 'attempted relative import with no known parent package';
export const packageNotString = (): string => '__package__ not set to a string';
export const levelNegative = (): string => 'level must be >= 0';
export const emptyModuleName = (): string => 'Empty module name';
export const noPackageSpecified = (name: string): string => `no package specified for ${repr(name)} (required for relative module names)`;
/** PathFinder._get_spec */
export const specMissingLoader = (): string => 'spec missing loader';
/** resolve_name of Python/import.c (the import statement) */
export const cPackageNotString = (): string => 'package must be a string';
export const specParentNotString = (): string => '__spec__.parent must be a string';
export const nameNotString = (): string => '__name__ must be a string';
export const nameNotInGlobals = (): string => "'__name__' not in globals";
export const packageNotSpecParent = (): string => '__package__ != __spec__.parent';
export const fallingBackOnName = (): string => "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__";
/** tspyc's own: what it cannot do */
export const cannotLoadExtension = (name: string, origin: string): string => `tspyc cannot load extension module ${repr(name)} (${origin})`;
