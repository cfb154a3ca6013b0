// The _string module: the parser behind string.Formatter. CPython counterpart:
// Objects/stringlib/unicode_format.h (MarkupIterator_next, parse_field, FieldNameIterator).
import { raise } from '../errors.js';
import { builtinType, None, PyObject } from '../objects/object.js';
import { False, newInt, True } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { PyNativeIter } from '../objects/iterators.js';
import { defIteratorMethods } from '../objects/iterator-methods.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';

const formatterIteratorType = builtinType('formatteriterator', undefined, 0);
const fieldNameIteratorType = builtinType('fieldnameiterator', undefined, 0);
defIteratorMethods(formatterIteratorType);
defIteratorMethods(fieldNameIteratorType);

/** (literal, field_name, format_spec, conversion) items of a format string. */
function* markup(s: string): Generator<PyObject> {
  let i = 0;
  while (i < s.length) {
    let lit = '';
    let field = false;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '{' || c === '}') {
        if (s[i + 1] === c) {
          lit += c;
          i += 2;
          break; // a doubled brace ends this literal (CPython yields it separately)
        }
        if (c === '}') raise(valueErrorType, "Single '}' encountered in format string");
        field = true;
        i++;
        break;
      }
      lit += c;
      i++;
    }
    if (!field) {
      yield newTuple([newStr(lit), None, None, None]);
      continue;
    }
    // the field: up to the matching '}'
    let depth = 1;
    const start = i;
    while (i < s.length && depth > 0) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}') depth--;
      i++;
    }
    if (depth > 0) raise(valueErrorType, start === s.length ? "Single '{' encountered in format string" : 'expected \'}\' before end of string');
    const body = s.slice(start, i - 1);
    let k = 0;
    let bracket = false;
    while (k < body.length) {
      const c = body[k]!;
      if (c === '[') bracket = true;
      else if (c === ']') bracket = false;
      else if (!bracket && (c === '!' || c === ':')) break;
      k++;
    }
    const name = body.slice(0, k);
    let conversion: PyObject = None;
    let spec = '';
    if (body[k] === '!') {
      // '{0!}': the closing brace is taken as the conversion, and the field is left open
      if (k + 1 >= body.length) raise(valueErrorType, "unmatched '{' in format spec");
      conversion = newStr(body[k + 1]!);
      k += 2;
      if (k < body.length) {
        if (body[k] !== ':') raise(valueErrorType, 'expected \':\' after conversion specifier');
        spec = body.slice(k + 1);
      }
    } else if (body[k] === ':') {
      spec = body.slice(k + 1);
    }
    yield newTuple([newStr(lit), newStr(name), newStr(spec), conversion]);
  }
}

/** An integer field part is an int (as CPython's get_integer), else the text. */
function fieldPart(t: string): PyObject {
  return /^[0-9]+$/.test(t) ? newInt(BigInt(t)) : newStr(t);
}

/** formatter_field_name_split: (first, iterator of (is_attribute, key)). */
function fieldNameSplit(name: string): PyObject {
  let i = 0;
  while (i < name.length && name[i] !== '.' && name[i] !== '[') i++;
  const first = fieldPart(name.slice(0, i));
  const rest: PyObject[] = [];
  while (i < name.length) {
    if (name[i] === '.') {
      let j = i + 1;
      while (j < name.length && name[j] !== '.' && name[j] !== '[') j++;
      if (j === i + 1) raise(valueErrorType, 'Empty attribute in format string');
      rest.push(newTuple([True, newStr(name.slice(i + 1, j))]));
      i = j;
    } else {
      const j = name.indexOf(']', i);
      if (j < 0) raise(valueErrorType, 'Missing \']\' in format string');
      if (j === i + 1) raise(valueErrorType, 'Empty attribute in format string');
      rest.push(newTuple([False, fieldPart(name.slice(i + 1, j))]));
      i = j + 1;
      if (i < name.length && name[i] !== '.' && name[i] !== '[') raise(valueErrorType, 'Only \'.\' or \'[\' may follow \']\' in format field specifier');
    }
  }
  let k = 0;
  return newTuple([first, new PyNativeIter(fieldNameIteratorType, () => (k < rest.length ? rest[k++]! : null))]);
}

function strArg(o: PyObject | undefined, fn: string): string {
  if (!(o instanceof PyStr)) raise(typeErrorType, `${fn}() argument must be str, not ${o?.type.name ?? 'nothing'}`);
  return o.value;
}

export function makeStringC(): PyModule {
  const m = new PyModule('_string');
  m.dict.setStr(
    'formatter_parser',
    builtinFunction('formatter_parser', (a) => {
      const g = markup(strArg(a[0], 'formatter_parser'));
      return new PyNativeIter(formatterIteratorType, () => {
        const r = g.next();
        return r.done ? null : r.value;
      });
    }),
  );
  m.dict.setStr('formatter_field_name_split', builtinFunction('formatter_field_name_split', (a) => fieldNameSplit(strArg(a[0], 'formatter_field_name_split'))));
  return m;
}
