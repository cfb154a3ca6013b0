// code.replace(**changes): a copy of a code object with some fields changed (types.coroutine sets
// CO_ITERABLE_COROUTINE this way; dataclasses and test helpers rename functions).
// CPython counterpart: Objects/codeobject.c (code_replace_impl).
import {
  CodeObject,
  None as MNone,
  PyBytes as MBytes,
  PyStr as MStr,
  PyTuple as MTuple,
  Kind,
} from '@tspyc/bytecode';
import { raise } from '../errors.js';
import type { PyObject } from './object.js';
import { PyStr } from './str.js';
import { PyBytes } from './bytes.js';
import { PyTuple } from './tuple.js';
import { defMethod, type Kwargs } from './native.js';
import { systemErrorType, typeErrorType, valueErrorType } from './exception-types.js';
import { Code, codeFor, codeType } from '../eval/code.js';
import { constValue } from '../modules/marshal-value.js';
import { asJsIndex } from '../protocols/number.js';

const INT_FIELDS = ['co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals', 'co_stacksize', 'co_flags', 'co_firstlineno'] as const;
const STR_FIELDS = ['co_filename', 'co_name', 'co_qualname'] as const;
const BYTES_FIELDS = ['co_code', 'co_linetable', 'co_exceptiontable'] as const;
const NAME_TUPLE_FIELDS = ['co_names', 'co_varnames', 'co_freevars', 'co_cellvars'] as const;
const KNOWN = new Set<string>([...INT_FIELDS, ...STR_FIELDS, ...BYTES_FIELDS, ...NAME_TUPLE_FIELDS, 'co_consts']);

function names(field: string, v: PyObject): string[] {
  if (!(v instanceof PyTuple) || v.type.name !== 'tuple') raise(typeErrorType, `replace() argument '${field}' must be tuple, not ${v.type.name}`);
  return v.items.map((n) => (n instanceof PyStr ? n.value : raise(systemErrorType, 'non-string found in code slot')));
}

function replace(code: Code, kw: Kwargs): Code {
  const co = code.co;
  const f = new CodeObject(co);
  for (const [key, v] of kw) {
    if (!KNOWN.has(key)) raise(typeErrorType, `'${key}' is an invalid keyword argument for replace()`);
    if ((INT_FIELDS as readonly string[]).includes(key)) {
      const n = asJsIndex(v);
      if (key === 'co_argcount') f.argcount = n;
      else if (key === 'co_posonlyargcount') f.posonlyargcount = n;
      else if (key === 'co_kwonlyargcount') f.kwonlyargcount = n;
      else if (key === 'co_nlocals') {
        if (n !== code.localsplusNames.filter((_, i) => code.isLocal(i)).length) raise(valueErrorType, 'code: co_nlocals != len(co_varnames)');
      } else if (key === 'co_stacksize') f.stacksize = n;
      else if (key === 'co_flags') f.flags = n;
      else f.firstlineno = n;
    } else if ((STR_FIELDS as readonly string[]).includes(key)) {
      if (!(v instanceof PyStr)) raise(typeErrorType, `replace() argument '${key}' must be str, not ${v.type.name}`);
      const s = new MStr(v.value);
      if (key === 'co_filename') f.filename = s;
      else if (key === 'co_name') f.name = s;
      else f.qualname = s;
    } else if ((BYTES_FIELDS as readonly string[]).includes(key)) {
      if (!(v instanceof PyBytes) || v.type.name !== 'bytes') raise(typeErrorType, `replace() argument '${key}' must be bytes, not ${v.type.name}`);
      const b = new MBytes(v.value);
      if (key === 'co_code') f.code = b;
      else if (key === 'co_linetable') f.linetable = b;
      else f.exceptiontable = b;
    } else if (key === 'co_names') {
      f.names = new MTuple(names(key, v).map((n) => new MStr(n)));
    } else if (key !== 'co_consts') {
      // the local names: renamed in place, slot by slot, as localsplus keeps them
      const given = names(key, v);
      const current = key === 'co_varnames' ? co.coVarnames : key === 'co_cellvars' ? co.coCellvars : co.coFreevars;
      if (given.length !== current.length) raise(valueErrorType, `code: co_nlocals != len(co_varnames)`);
      const slots = co.localsplusnames!.items.slice();
      for (let i = 0; i < given.length; i++) {
        const at = slots.findIndex((s) => s.kind === Kind.Str && s.value === current[i]);
        if (at >= 0) slots[at] = new MStr(given[i]!);
      }
      f.localsplusnames = new MTuple(slots);
    }
  }
  const consts = kw.get('co_consts');
  // unchanged constants stay the very objects (CPython's replace keeps the tuple)
  let objects: PyObject[] | null = consts === undefined ? code.consts : null;
  if (consts !== undefined) {
    if (!(consts instanceof PyTuple) || consts.type.name !== 'tuple') raise(typeErrorType, `replace() argument 'co_consts' must be tuple, not ${consts.type.name}`);
    const values = consts.items.map(constValue);
    f.consts = new MTuple(values.map((x) => x ?? MNone));
    // objects marshal cannot hold stay the objects given (the marshalled tuple has None there)
    if (values.some((x) => x === null)) objects = consts.items.slice();
  }
  const result = codeFor(new CodeObject(f));
  if (objects !== null) result.setConsts(objects);
  return result;
}

export function initCodeReplace(): void {
  defMethod(codeType, 'replace', (a, kw) => {
    if (a.length > 1) raise(typeErrorType, 'replace() takes no positional arguments');
    return replace(a[0] as Code, kw ?? new Map());
  });
}
