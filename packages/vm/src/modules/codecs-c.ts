// The _codecs module Lib/codecs.py and Lib/encodings/ build on: the codec registry (search
// functions, Lib's encodings package imported on the first lookup), the error-handler registry,
// and the utf-8 / ascii / latin-1 codec functions over the VM's own codecs (objects/codecs.ts),
// the (raw-)unicode-escape ones (unicode-escape-codecs.ts) and the charmap ones (charmap-codecs.ts).
// CPython counterpart: Modules/_codecsmodule.c, Python/codecs.c.
import { raise, PyError } from '../errors.js';
import { None, PyObject } from '../objects/object.js';
import { intFromNumber, PyInt } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyByteArray, PyBytes } from '../objects/bytes.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, type Kwargs } from '../objects/native.js';
import { PyBaseException, deprecationWarningType, lookupErrorType, moduleNotFoundErrorType, typeErrorType } from '../objects/exception-types.js';
import { codecOf, decodeBytes, encodeStr } from '../objects/codecs.js';
import { callObject } from '../protocols/call.js';
import { getAttrOpt } from '../protocols/getattr.js';
import { isCallable } from '../builtins/introspection.js';
import { importFullName } from './path-import.js';
import { sysModules } from './registry.js';
import { rawUnicodeEscapeDecode, rawUnicodeEscapeEncode, unicodeEscapeDecode, unicodeEscapeEncode } from './unicode-escape-codecs.js';
import { warnEx } from './warnings-c.js';
import { charmapBuild, charmapDecode, charmapEncode } from './charmap-codecs.js';
import { isTrue } from '../protocols/truth.js';

const searchFunctions: PyObject[] = [];
const codecCache = new Map<string, PyObject>();
const errorHandlers = new Map<string, PyObject>();

/** normalizestring(): lower case, spaces to underscores */
function normalize(name: string): string {
  return name.toLowerCase().replace(/ /g, '_');
}

function lookup(encoding: string): PyObject {
  const key = normalize(encoding);
  const cached = codecCache.get(key);
  if (cached !== undefined) return cached;
  if (searchFunctions.length === 0) {
    // _PyCodecRegistry_Init: the encodings package registers its search function (there is none
    // without a Lib: then only the VM's own codecs exist)
    try {
      importFullName('encodings', (sysModules().getStr('builtins') as PyModule).dict);
    } catch (e) {
      if (!(e instanceof PyError && e.exc.type === moduleNotFoundErrorType)) throw e;
    }
  }
  for (const f of searchFunctions) {
    const r = callObject(f, [newStr(key)], null);
    if (r === None) continue;
    if (!(r instanceof PyTuple) || r.items.length !== 4) raise(typeErrorType, 'codec search functions must return 4-tuples');
    codecCache.set(key, r);
    return r;
  }
  raise(lookupErrorType, `unknown encoding: ${encoding}`);
}

/** _PyCodec_LookupTextEncoding: the codec of a text encoding (not e.g. rot13 or base64). */
function lookupTextEncoding(encoding: string, alternate: string): PyTuple {
  const info = lookup(encoding) as PyTuple;
  const isText = getAttrOpt(info, '_is_text_encoding');
  if (isText !== undefined && !isTrue(isText)) {
    raise(lookupErrorType, `'${encoding}' is not a text encoding; use ${alternate} to handle arbitrary codecs`);
  }
  return info;
}

/** str.encode with an encoding the VM has no codec of: _PyCodec_EncodeText, which must give bytes. */
export function registryEncode(s: string, encoding: string, errors: string): Uint8Array {
  const info = lookupTextEncoding(encoding, 'codecs.encode()');
  const r = callObject(info.items[0]!, [newStr(s), newStr(errors)], null);
  const v = r instanceof PyTuple && r.items.length === 2 ? r.items[0]! : raise(typeErrorType, 'encoder must return a tuple (object, integer)');
  if (!(v instanceof PyBytes)) {
    raise(typeErrorType, `'${encoding}' encoder returned '${v.type.name}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types`);
  }
  return v.value;
}

/** bytes.decode with an encoding the VM has no codec of: _PyCodec_DecodeText, which must give str. */
export function registryDecode(b: Uint8Array, encoding: string, errors: string): string {
  const info = lookupTextEncoding(encoding, 'codecs.decode()');
  const r = callObject(info.items[1]!, [new PyBytes(b), newStr(errors)], null);
  const v = r instanceof PyTuple && r.items.length === 2 ? r.items[0]! : raise(typeErrorType, 'decoder must return a tuple (object, integer)');
  if (!(v instanceof PyStr)) {
    raise(typeErrorType, `'${encoding}' decoder returned '${v.type.name}' instead of 'str'; use codecs.decode() to decode to arbitrary types`);
  }
  return v.value;
}

function strArg(o: PyObject | undefined, dflt: string): string {
  return o instanceof PyStr ? o.value : dflt;
}

function data(o: PyObject | undefined): Uint8Array {
  if (o instanceof PyBytes || o instanceof PyByteArray) return o.value;
  raise(typeErrorType, `a bytes-like object is required, not '${o?.type.name ?? 'NoneType'}'`);
}

/** The VM's own codec when `encoding` names one, else null (then the registry's codec is used). */
function builtinCodec(encoding: string): string | null {
  try {
    return codecOf(encoding);
  } catch {
    return null;
  }
}

/** The (start, end) of a Unicode error and its object, for the standard handlers. */
function errorFields(exc: PyObject): { obj: PyObject; start: number; end: number } {
  if (!(exc instanceof PyBaseException) || exc.args.length < 4) raise(typeErrorType, `don't know how to handle ${exc.type.name} in error callback`);
  return { obj: exc.args[1]!, start: Number((exc.args[2] as PyInt).value), end: Number((exc.args[3] as PyInt).value) };
}

function escape(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** The handlers Python/codecs.c registers (namereplace without the Unicode name table: as backslashreplace). */
function standardHandlers(): void {
  const def = (name: string, f: (exc: PyObject) => PyObject) => errorHandlers.set(name, builtinFunction(`${name}_errors`, (a) => f(a[0]!)));
  def('strict', (exc) => {
    throw new PyError(exc);
  });
  def('ignore', (exc) => newTuple([newStr(''), intFromNumber(errorFields(exc).end)]));
  def('replace', (exc) => {
    const { start, end } = errorFields(exc);
    const dec = exc.type.name === 'UnicodeDecodeError';
    return newTuple([newStr((dec ? '\ufffd' : '?').repeat(dec ? 1 : end - start)), intFromNumber(end)]);
  });
  const charsOf = (exc: PyObject): number[] => {
    const { obj, start, end } = errorFields(exc);
    if (obj instanceof PyStr) return Array.from(obj.value).slice(start, end).map((c) => c.codePointAt(0)!);
    return Array.from(data(obj).subarray(start, end));
  };
  def('backslashreplace', (exc) => newTuple([newStr(charsOf(exc).map(escape).join('')), intFromNumber(errorFields(exc).end)]));
  def('namereplace', (exc) => newTuple([newStr(charsOf(exc).map(escape).join('')), intFromNumber(errorFields(exc).end)]));
  def('xmlcharrefreplace', (exc) => newTuple([newStr(charsOf(exc).map((c) => `&#${c};`).join('')), intFromNumber(errorFields(exc).end)]));
  // PEP 383: undecodable bytes 0x80-0xff as U+DC80..U+DCFF, and back; anything else stays the error
  def('surrogateescape', (exc) => {
    const dec = exc.type.name === 'UnicodeDecodeError';
    const chars = charsOf(exc);
    if (chars.some((c) => (dec ? c < 0x80 : c < 0xdc80 || c > 0xdcff))) throw new PyError(exc);
    const replacement = dec ? newStr(String.fromCharCode(...chars.map((c) => 0xdc00 + c))) : new PyBytes(Uint8Array.from(chars, (c) => c - 0xdc00));
    return newTuple([replacement, intFromNumber(errorFields(exc).end)]);
  });
}

export function makeCodecsC(): PyModule {
  if (errorHandlers.size === 0) standardHandlers();
  const m = new PyModule('_codecs');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  def('register', (a) => {
    if (!isCallable(a[0] ?? None)) raise(typeErrorType, 'argument must be callable');
    searchFunctions.push(a[0]!);
    return None;
  });
  def('unregister', (a) => {
    const i = searchFunctions.indexOf(a[0]!);
    if (i >= 0) searchFunctions.splice(i, 1);
    codecCache.clear();
    return None;
  });
  def('lookup', (a) => lookup(strArg(a[0], '')));
  def('_forget_codec', (a) => {
    codecCache.delete(normalize(strArg(a[0], '')));
    return None;
  });
  def('encode', (a, kw) => {
    const obj = a[0] ?? kw?.get('obj') ?? None;
    const encoding = strArg(a[1] ?? kw?.get('encoding'), 'utf-8');
    const errors = strArg(a[2] ?? kw?.get('errors'), 'strict');
    if (obj instanceof PyStr && builtinCodec(encoding) !== null) return new PyBytes(encodeStr(obj.value, encoding, errors));
    return (callObject((lookup(encoding) as PyTuple).items[0]!, [obj, newStr(errors)], null) as PyTuple).items[0]!;
  });
  def('decode', (a, kw) => {
    const obj = a[0] ?? kw?.get('obj') ?? None;
    const encoding = strArg(a[1] ?? kw?.get('encoding'), 'utf-8');
    const errors = strArg(a[2] ?? kw?.get('errors'), 'strict');
    if ((obj instanceof PyBytes || obj instanceof PyByteArray) && builtinCodec(encoding) !== null) return newStr(decodeBytes(obj.value, encoding, errors));
    return (callObject((lookup(encoding) as PyTuple).items[1]!, [obj, newStr(errors)], null) as PyTuple).items[0]!;
  });
  for (const [prefix, codec] of [['utf_8', 'utf-8'], ['ascii', 'ascii'], ['latin_1', 'latin-1']] as const) {
    def(`${prefix}_encode`, (a) => {
      const s = a[0];
      if (!(s instanceof PyStr)) raise(typeErrorType, `${prefix}_encode() argument 1 must be str, not ${s?.type.name ?? 'NoneType'}`);
      return newTuple([new PyBytes(encodeStr(s.value, codec, strArg(a[1], 'strict'))), intFromNumber(Array.from(s.value).length)]);
    });
    def(`${prefix}_decode`, (a) => {
      const b = data(a[0]);
      return newTuple([newStr(decodeBytes(b, codec, strArg(a[1], 'strict'))), intFromNumber(b.length)]);
    });
  }
  for (const [prefix, encode, decode] of [
    ['unicode_escape', unicodeEscapeEncode, unicodeEscapeDecode],
    ['raw_unicode_escape', rawUnicodeEscapeEncode, rawUnicodeEscapeDecode],
  ] as const) {
    def(`${prefix}_encode`, (a) => {
      const s = a[0];
      if (!(s instanceof PyStr)) raise(typeErrorType, `${prefix}_encode() argument 1 must be str, not ${s?.type.name ?? 'NoneType'}`);
      return newTuple([new PyBytes(encode(s.value)), intFromNumber(Array.from(s.value).length)]);
    });
    def(`${prefix}_decode`, (a) => {
      // a str argument is read as its UTF-8 bytes (the "s*" converter)
      const b = a[0] instanceof PyStr ? encodeStr(a[0].value, 'utf-8', 'strict') : data(a[0]);
      const r = decode(b, a[2] === undefined || isTrue(a[2]));
      if (r.invalidEscape !== undefined) warnEx(deprecationWarningType, `invalid escape sequence '\\${r.invalidEscape}'`);
      return newTuple([newStr(r.text), intFromNumber(r.consumed)]);
    });
  }
  const handlers = (name: string) => errorHandlers.get(name);
  def('charmap_build', (a) => {
    if (!(a[0] instanceof PyStr)) raise(typeErrorType, `charmap_build() argument must be str, not ${a[0]?.type.name ?? 'NoneType'}`);
    return charmapBuild(a[0].value);
  });
  def('charmap_decode', (a) => {
    const b = data(a[0]);
    return newTuple([newStr(charmapDecode(b, strArg(a[1], 'strict'), a[2] ?? None, handlers)), intFromNumber(b.length)]);
  });
  def('charmap_encode', (a) => {
    const s = a[0];
    if (!(s instanceof PyStr)) raise(typeErrorType, `charmap_encode() argument 1 must be str, not ${s?.type.name ?? 'NoneType'}`);
    return newTuple([new PyBytes(charmapEncode(s.value, strArg(a[1], 'strict'), a[2] ?? None, handlers)), intFromNumber(Array.from(s.value).length)]);
  });
  def('register_error', (a) => {
    if (!isCallable(a[1] ?? None)) raise(typeErrorType, 'handler must be callable');
    errorHandlers.set(strArg(a[0], ''), a[1]!);
    return None;
  });
  def('lookup_error', (a) => {
    const name = strArg(a[0], '');
    return errorHandlers.get(name) ?? raise(lookupErrorType, `unknown error handler name '${name}'`);
  });
  return m;
}
