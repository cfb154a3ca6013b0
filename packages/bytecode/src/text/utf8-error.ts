// Where CPython's strict UTF-8 decoder stops (Objects/stringlib/codecs.h): the malformed sequence
// starting at a byte, its length and the reason the UnicodeDecodeError gives. Shared by the
// compiler (source decoding errors) and the VM (bytes.decode).

/** the malformed UTF-8 sequence starting at b[i]: [its length, the reason], or null if it is valid */
export function utf8SequenceError(b: ArrayLike<number>, i: number): [number, string] | null {
  const c = b[i]!;
  if (c < 0x80) return null;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return [1, 'invalid start byte'];
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return [k, 'unexpected end of data'];
    const x = b[i + k]!;
    if (x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return [k, 'invalid continuation byte'];
  }
  return null;
}

/** the length of the valid UTF-8 sequence starting at b[i] (1 for ASCII) */
export function utf8SequenceLength(c: number): number {
  return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}
