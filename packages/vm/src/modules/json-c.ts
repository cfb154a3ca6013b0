// The _json module Lib/json/encoder.py takes its fast paths from: make_encoder (the one-shot
// encoder of json.dumps without indent, over modules/json.ts's encoder, with its RecursionError
// text) and the two string encoders; and scanstring (json-scanstring.ts), which Lib/json/decoder.py
// uses. The scanner itself (make_scanner) stays Lib's pure-Python one.
// CPython counterpart: Modules/_json.c (encoder_call, py_encode_basestring(_ascii), py_scanstring).
import { raise } from '../errors.js';
import { builtinType, None, PyObject } from '../objects/object.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, PyBuiltin } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { isTrue } from '../protocols/truth.js';
import { encode, encodeString, type Opts } from './json.js';
import { scanstringFunction } from './json-scanstring.js';

const encoderType = builtinType('make_encoder', undefined, 0);
encoderType.module = '_json';

class PyEncoder extends PyObject {
  constructor(readonly opts: Opts) {
    super(encoderType);
  }
}

function stringArg(o: PyObject | undefined): string {
  if (!(o instanceof PyStr)) raise(typeErrorType, `first argument must be a string, not ${o?.type.name ?? 'NoneType'}`);
  return o.value;
}

export function makeJsonC(): PyModule {
  const m = new PyModule('_json');
  const ascii = builtinFunction('encode_basestring_ascii', (a) => newStr(encodeString(stringArg(a[0]), true)));
  const plain = builtinFunction('encode_basestring', (a) => newStr(encodeString(stringArg(a[0]), false)));
  m.dict.setStr('encode_basestring_ascii', ascii);
  m.dict.setStr('encode_basestring', plain);
  // make_encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)
  defMethod(encoderType, '__new__', (a) => {
    const [, , dflt, encoder, indent, keySep, itemSep, sortKeys, skipKeys, allowNan] = a;
    const str = (o: PyObject | undefined, what: string) => (o instanceof PyStr ? o.value : raise(typeErrorType, `make_encoder() argument ${what} must be str`));
    return new PyEncoder({
      indent: indent instanceof PyStr ? indent.value : null,
      keySep: str(keySep, '5'),
      itemSep: str(itemSep, '6'),
      sortKeys: isTrue(sortKeys ?? None),
      skipKeys: isTrue(skipKeys ?? None),
      allowNan: isTrue(allowNan ?? None),
      ensureAscii: !(encoder instanceof PyBuiltin && encoder === plain),
      defaultFn: dflt === undefined || dflt === None ? null : dflt,
    });
  });
  defMethod(encoderType, '__call__', (a) => newTuple([newStr(encode(a[1]!, (a[0] as PyEncoder).opts, 0, new Set()))]));
  m.dict.setStr('make_encoder', encoderType);
  m.dict.setStr('scanstring', scanstringFunction);
  return m;
}
