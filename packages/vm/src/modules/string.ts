// string: the constants, capwords, and the Template and Formatter classes (string-classes.ts).
// CPython counterpart: Lib/string.py.
import { newStr } from '../objects/str.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { PyStr } from '../objects/str.js';
import { addStringClasses } from './string-classes.js';

export function makeString(): PyModule {
  const m = new PyModule('string');
  const d = m.dict;
  const lower = 'abcdefghijklmnopqrstuvwxyz';
  const upper = lower.toUpperCase();
  const digits = '0123456789';
  const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
  d.setStr('ascii_lowercase', newStr(lower));
  d.setStr('ascii_uppercase', newStr(upper));
  d.setStr('ascii_letters', newStr(lower + upper));
  d.setStr('digits', newStr(digits));
  d.setStr('hexdigits', newStr('0123456789abcdefABCDEF'));
  d.setStr('octdigits', newStr('01234567'));
  d.setStr('punctuation', newStr(punctuation));
  d.setStr('whitespace', newStr(' \t\n\r\x0b\x0c'));
  d.setStr('printable', newStr(digits + lower + upper + punctuation + ' \t\n\r\x0b\x0c'));
  d.setStr(
    'capwords',
    builtinFunction('capwords', (a) => {
      const s = (a[0] as PyStr).value;
      const sep = a[1] instanceof PyStr ? a[1].value : null;
      const words = sep === null ? s.split(/\s+/).filter(Boolean) : s.split(sep);
      const cap = words.map((w) => (w ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w));
      return newStr(cap.join(sep ?? ' '));
    }),
  );
  addStringClasses(d);
  return m;
}
