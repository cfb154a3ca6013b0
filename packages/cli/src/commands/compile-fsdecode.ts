// os.fsdecode on POSIX: a file name's bytes as UTF-8, each byte that is not part of a valid
// sequence as the lone surrogate U+DC80..U+DCFF (surrogateescape). Node decodes such names with
// U+FFFD instead, which names no file; tspyc keeps Python's text for its messages.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The name, and whether it is valid UTF-8 (only then can a JS string path reach the file). */
export function fsDecode(bytes: Uint8Array): { name: string; utf8: boolean } {
  try {
    return { name: utf8.decode(bytes), utf8: true };
  } catch {
    /* decode by hand below */
  }
  let name = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 1 && i + len <= bytes.length) {
      try {
        name += utf8.decode(bytes.subarray(i, i + len));
        i += len;
        continue;
      } catch {
        /* not a valid sequence: escape the lead byte */
      }
    }
    name += len === 1 ? String.fromCharCode(b) : String.fromCharCode(0xdc00 + b);
    i++;
  }
  return { name, utf8: false };
}
