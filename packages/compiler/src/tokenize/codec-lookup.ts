// codecs.lookup(name) as CPython 3.11 resolves it through the encodings package's search function:
// lower case, encodings.normalize_encoding, encodings.aliases, then the first module that imports.
import { CODEC_ALIASES, CODEC_MODULES } from './generated/charmap-tables.js';

export type CodecKind = 'charmap' | 'text' | 'binary';

export interface CodecEntry {
  /** the encodings module that implements it (e.g. 'cp437', 'latin_1') */
  module: string;
  kind: CodecKind;
}

const ALNUM = /^[\p{L}\p{Nd}\p{Nl}\p{No}]$/u;

/**
 * encodings.normalize_encoding: runs of characters other than alphanumerics and '.' become one
 * '_' (none at either end); non-ASCII alphanumerics are dropped.
 */
export function normalizeEncoding(name: string): string {
  let out = '';
  let punct = false;
  for (const c of name) {
    if (c === '.' || ALNUM.test(c)) {
      if (punct && out) out += '_';
      if (c.charCodeAt(0) < 0x80) out += c;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The codec of a name, or null where codecs.lookup raises LookupError (unknown encoding). */
export function lookupCodec(name: string): CodecEntry | null {
  // _PyCodec_Lookup lower-cases (and turns spaces into underscores) before the search function
  const norm = normalizeEncoding(name.toLowerCase().replace(/ /g, '_'));
  const dotted = norm.replace(/\./g, '_');
  const aliased = has(CODEC_ALIASES, norm) ? CODEC_ALIASES[norm] : has(CODEC_ALIASES, dotted) ? CODEC_ALIASES[dotted] : undefined;
  for (const module of aliased !== undefined ? [aliased, norm] : [norm]) {
    if (!module || module.includes('.') || !has(CODEC_MODULES, module)) continue;
    // the first module that imports decides: one without getregentry is no codec
    const kind = CODEC_MODULES[module]!;
    return kind === 'none' ? null : { module, kind };
  }
  return null;
}
