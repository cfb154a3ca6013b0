// string.Template and string.Formatter: Python classes (subclassable, their class attributes and
// methods overridable) built natively. CPython counterpart: Lib/string.py (Template's pattern from
// delimiter/idpattern/braceidpattern, Formatter.vformat over parse/get_field/convert_field/
// format_field) and Objects/stringlib/unicode_format.h (formatter_parser).
import { raise } from '../errors.js';
import { None, PyObject, PyType, objectType, typeType } from '../objects/object.js';
import { PyInt, pyBool, intFromNumber } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { newTuple, PyTuple } from '../objects/tuple.js';
import { defMethod, type Kwargs } from '../objects/native.js';
import { PyError } from '../errors.js';
import { keyErrorType, valueErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { callObject } from '../protocols/call.js';
import { getAttr } from '../protocols/getattr.js';
import { getItem, keyError } from '../protocols/sequence.js';
import { repr, str } from '../protocols/repr.js';
import { format } from '../protocols/format.js';
import { asciiOf } from '../objects/str-methods.js';
import { toArray } from '../protocols/iter.js';

function pyClass(name: string, attrs: Record<string, PyObject>): PyType {
  const ns = new PyDict();
  ns.setStr('__module__', newStr('string'));
  ns.setStr('__qualname__', newStr(name));
  for (const [k, v] of Object.entries(attrs)) ns.setStr(k, v);
  return typeNew(typeType, name, [objectType], ns, null);
}

function text(o: PyObject): string {
  return (o as PyStr).value;
}

/** Template.pattern as string.py compiles it, from the class's delimiter and id patterns. */
function templatePattern(cls: PyType): RegExp {
  const delim = text(getAttr(cls, 'delimiter')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const unwrap = (p: string) => p.replace(/^\(\?a:(.*)\)$/, '$1').replace(/\(\?P</g, '(?<');
  const id = unwrap(text(getAttr(cls, 'idpattern')));
  const braced = getAttr(cls, 'braceidpattern');
  const bid = braced === None ? id : unwrap(text(braced));
  const flags = getAttr(cls, 'flags');
  const ignoreCase = flags instanceof PyInt && (flags.value & 2n) !== 0n;
  return new RegExp(`${delim}(?:(${delim})|(${id})|\\{(${bid})\\}|())`, ignoreCase ? 'gi' : 'g');
}

function invalidPlaceholder(tpl: string, i: number): never {
  const before = tpl.slice(0, i);
  const lines = before.split(/(?<=\n)/).filter((l) => l !== '');
  const lineno = lines.length === 0 ? 1 : lines.length;
  const colno = lines.length === 0 ? 1 : i - lines.slice(0, -1).join('').length;
  raise(valueErrorType, `Invalid placeholder in string: line ${lineno}, col ${colno}`);
}

function makeTemplate(): PyType {
  const cls = pyClass('Template', {
    delimiter: newStr('$'),
    idpattern: newStr('(?a:[_a-z][_a-z0-9]*)'),
    braceidpattern: None,
    flags: intFromNumber(2), // re.IGNORECASE
  });
  defMethod(cls, '__init__', (a) => {
    (a[0]!.dict as PyDict).setStr('template', a[1]!);
    return None;
  });
  const lookup = (a: PyObject[], kw: Kwargs | null): ((k: string) => PyObject) => {
    const mapping = a[1];
    return (k: string) => {
      const v = kw?.get(k);
      if (v !== undefined) return v;
      if (mapping === undefined) keyError(newStr(k));
      return getItem(mapping, newStr(k));
    };
  };
  const substitute = (safe: boolean) => (a: PyObject[], kw: Kwargs | null) => {
    const self = a[0]!;
    const tpl = text(getAttr(self, 'template'));
    const get = lookup(a, kw);
    const re = templatePattern(self.type);
    return newStr(
      tpl.replace(re, (m: string, escaped?: string, named?: string, braced?: string, _inv?: string, offset?: number) => {
        if (escaped !== undefined) return escaped;
        const name = named ?? braced;
        if (name !== undefined) {
          if (!safe) return str(get(name));
          try {
            return str(get(name));
          } catch (e) {
            if (e instanceof PyError && e.exc.type.isSubtype(keyErrorType)) return m;
            throw e;
          }
        }
        if (safe) return m;
        invalidPlaceholder(tpl, offset!);
      }),
    );
  };
  defMethod(cls, 'substitute', substitute(false));
  defMethod(cls, 'safe_substitute', substitute(true));
  defMethod(cls, 'get_identifiers', (a) => {
    const tpl = text(getAttr(a[0]!, 'template'));
    const ids: string[] = [];
    for (const m of tpl.matchAll(templatePattern(a[0]!.type))) {
      const name = m[2] ?? m[3];
      if (name !== undefined && !ids.includes(name)) ids.push(name);
      else if (m[1] === undefined && name === undefined) invalidPlaceholder(tpl, m.index!);
    }
    return new PyList(ids.map(newStr));
  });
  defMethod(cls, 'is_valid', (a) => {
    const tpl = text(getAttr(a[0]!, 'template'));
    for (const m of tpl.matchAll(templatePattern(a[0]!.type))) {
      if (m[1] === undefined && m[2] === undefined && m[3] === undefined) return pyBool(false);
    }
    return pyBool(true);
  });
  return cls;
}

/** _string.formatter_parser: (literal, field_name, format_spec, conversion) per replacement field. */
function formatterParse(fmt: string): PyObject[] {
  const out: PyObject[] = [];
  let literal = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{' && fmt[i + 1] === '{') {
      out.push(newTuple([newStr(literal + '{'), None, None, None]));
      literal = '';
      i += 2;
      continue;
    }
    if (c === '}' && fmt[i + 1] === '}') {
      out.push(newTuple([newStr(literal + '}'), None, None, None]));
      literal = '';
      i += 2;
      continue;
    }
    if (c === '}') raise(valueErrorType, "Single '}' encountered in format string");
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    if (i + 1 >= fmt.length) raise(valueErrorType, "Single '{' encountered in format string");
    let j = i + 1;
    let depth = 1;
    while (j < fmt.length) {
      if (fmt[j] === '{') depth++;
      else if (fmt[j] === '}' && --depth === 0) break;
      j++;
    }
    if (depth > 0) raise(valueErrorType, "expected '}' before end of string");
    const inner = fmt.slice(i + 1, j);
    let field = inner;
    let conv: PyObject = None;
    let spec = '';
    const colon = inner.search(/[:!]/);
    if (colon >= 0) {
      field = inner.slice(0, colon);
      let rest = inner.slice(colon);
      if (rest[0] === '!') {
        if (rest.length < 2) raise(valueErrorType, 'end of string while looking for conversion specifier');
        conv = newStr(rest[1]!);
        rest = rest.slice(2);
        if (rest.length > 0 && rest[0] !== ':') raise(valueErrorType, "expected ':' after conversion specifier");
      }
      spec = rest.slice(1);
    }
    out.push(newTuple([newStr(literal), newStr(field), newStr(spec), conv]));
    literal = '';
    i = j + 1;
  }
  if (literal) out.push(newTuple([newStr(literal), None, None, None]));
  return out;
}

function makeFormatter(): PyType {
  const cls = pyClass('Formatter', {});
  const call = (self: PyObject, name: string, args: PyObject[]) => callObject(getAttr(self, name), args, null);
  // `numbering.auto` is auto_arg_index (false once a field is numbered), shared with nested specs
  const vformat = (self: PyObject, fmt: string, args: PyObject, kwargs: PyObject, used: PyObject[], depth: number, numbering = { auto: 0 }): string => {
    if (depth < 0) raise(valueErrorType, 'Max string recursion exceeded');
    let out = '';
    for (const item of toArray(call(self, 'parse', [newStr(fmt)]))) {
      const [lit, field, spec, conv] = (item as PyTuple).items as [PyObject, PyObject, PyObject, PyObject];
      out += text(lit);
      if (field === None) continue;
      let name = text(field);
      if (name === '') {
        if (numbering.auto < 0) raise(valueErrorType, 'cannot switch from manual field specification to automatic field numbering');
        name = String(numbering.auto++);
      } else if (/^\d+$/.test(name)) {
        if (numbering.auto > 0) raise(valueErrorType, 'cannot switch from automatic field numbering to manual field specification');
        numbering.auto = -1;
      }
      const got = call(self, 'get_field', [newStr(name), args, kwargs]) as PyTuple;
      used.push(got.items[1]!);
      const obj = call(self, 'convert_field', [got.items[0]!, conv]);
      const fullSpec = vformat(self, text(spec), args, kwargs, used, depth - 1, numbering);
      out += text(call(self, 'format_field', [obj, newStr(fullSpec)]));
    }
    return out;
  };
  defMethod(cls, 'format', (a, kw) => {
    const kwargs = new PyDict();
    for (const [k, v] of kw ?? []) kwargs.setStr(k, v);
    return callObject(getAttr(a[0]!, 'vformat'), [a[1]!, newTuple(a.slice(2)), kwargs], null);
  });
  defMethod(cls, 'vformat', (a) => {
    const used: PyObject[] = [];
    const r = vformat(a[0]!, text(a[1]!), a[2]!, a[3]!, used, 2);
    call(a[0]!, 'check_unused_args', [new PyList(used), a[2]!, a[3]!]);
    return newStr(r);
  });
  defMethod(cls, 'parse', (a) => new PyList(formatterParse(text(a[1]!))));
  defMethod(cls, 'get_field', (a) => {
    const name = text(a[1]!);
    const m = /^([^.[]*)(.*)$/.exec(name)!;
    const first = m[1]!;
    const key = /^\d+$/.test(first) ? intFromNumber(Number(first)) : newStr(first);
    let obj = call(a[0]!, 'get_value', [key, a[2]!, a[3]!]);
    for (const part of m[2]!.matchAll(/\.([^.[]+)|\[([^\]]+)\]/g)) {
      if (part[1] !== undefined) obj = getAttr(obj, part[1]);
      else obj = getItem(obj, /^\d+$/.test(part[2]!) ? intFromNumber(Number(part[2])) : newStr(part[2]!));
    }
    return newTuple([obj, key]);
  });
  defMethod(cls, 'get_value', (a) => (a[1] instanceof PyStr ? getItem(a[3]!, a[1]) : getItem(a[2]!, a[1]!)));
  defMethod(cls, 'check_unused_args', () => None);
  defMethod(cls, 'format_field', (a) => newStr(format(a[1]!, text(a[2]!))));
  defMethod(cls, 'convert_field', (a) => {
    const [, obj, conv] = a as [PyObject, PyObject, PyObject];
    if (conv === None) return obj;
    const c = text(conv);
    if (c === 's') return newStr(str(obj));
    if (c === 'r') return newStr(repr(obj));
    if (c === 'a') return newStr(asciiOf(repr(obj)));
    raise(valueErrorType, `Unknown conversion specifier ${c}`);
  });
  return cls;
}

export function addStringClasses(d: PyDict): void {
  d.setStr('Template', makeTemplate());
  d.setStr('Formatter', makeFormatter());
}
