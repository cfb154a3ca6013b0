// UTF-8 with CPython's "surrogatepass" error handler, which marshal uses for str.
// CPython counterpart: PyUnicode_DecodeUTF8 / _PyUnicode_AsUTF8String with "surrogatepass".
// The fast path is TextDecoder/TextEncoder; these handle only strings holding surrogates.

export interface SurrogatepassText {
  text: string;
  /** a high surrogate was immediately followed by a low one: JS fuses them into one character */
  pairedSurrogates: boolean;
}

/** Strict UTF-8 decoding where encoded surrogates (ED A0..BF xx) are allowed; null when invalid. */
export function decodeUtf8Surrogatepass(b: Uint8Array): SurrogatepassText | null {
  const units: number[] = [];
  let paired = false;
  let prevHigh = false;
  let text = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let cp: number;
    let len: number;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if (c >= 0xc2 && c < 0xe0) {
      len = 2;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c < 0xf0) {
      len = 3;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c < 0xf5) {
      len = 4;
      cp = c & 0x07;
    } else {
      return null;
    }
    if (i + len > b.length) return null;
    for (let k = 1; k < len; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((len === 3 && cp < 0x800) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    const isHigh = cp >= 0xd800 && cp < 0xdc00;
    const isLow = cp >= 0xdc00 && cp < 0xe000;
    if (isLow && prevHigh) paired = true;
    prevHigh = isHigh;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff));
      prevHigh = false;
    } else {
      units.push(cp);
    }
    if (units.length >= 4096) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
    i += len;
  }
  text += String.fromCharCode(...units);
  return { text, pairedSurrogates: paired };
}

/** True when the JS string holds a lone surrogate, which TextEncoder would replace with U+FFFD. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u < 0xdc00) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next < 0xe000) {
        i++;
        continue;
      }
      return true;
    }
    if (u >= 0xdc00 && u < 0xe000) return true;
  }
  return false;
}

/** UTF-8 encoding where lone surrogates are written as 3-byte sequences. */
export function encodeUtf8Surrogatepass(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
