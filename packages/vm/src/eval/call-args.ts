// Binding call arguments to a frame's parameters. CPython counterpart: Python/ceval.c
// (initialize_locals, too_many_positional, missing_arguments, positional_only_passed_as_keyword).
import { raise } from '../errors.js';
import { PyObject } from '../objects/object.js';
import { PyDict } from '../objects/dict.js';
import { newStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import type { PyFunction } from '../objects/function.js';
import type { Kwargs } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { CO_VARARGS, CO_VARKEYWORDS } from './code.js';

/** Fill `fast` (localsplus) from the call's arguments, or raise CPython's TypeError. */
export function bindArguments(func: PyFunction, fast: (PyObject | null)[], args: PyObject[], kw: Kwargs | null): void {
  const co = func.code;
  const argcount = co.argcount;
  const kwonly = co.kwonlyargcount;
  const total = argcount + kwonly;
  const flags = co.flags;
  const names = co.localsplusNames;
  const nargs = args.length;
  let kwdict: PyDict | null = null;
  let slot = total;
  if (flags & CO_VARARGS) slot++;
  if (flags & CO_VARKEYWORDS) {
    kwdict = new PyDict();
    fast[slot] = kwdict;
  }
  const n = nargs < argcount ? nargs : argcount;
  for (let i = 0; i < n; i++) fast[i] = args[i]!;
  if (flags & CO_VARARGS) fast[total] = newTuple(nargs > argcount ? args.slice(argcount) : []);

  if (kw !== null && kw.size > 0) {
    let posonlyAsKw: string[] | null = null;
    for (const [name, value] of kw) {
      let j = -1;
      for (let k = co.posonlyargcount; k < total; k++) {
        if (names[k] === name) {
          j = k;
          break;
        }
      }
      if (j < 0) {
        if (kwdict !== null) {
          kwdict.set(newStr(name), value);
          continue;
        }
        for (let k = 0; k < co.posonlyargcount; k++) {
          if (names[k] === name) {
            (posonlyAsKw ??= []).push(name);
            j = k;
            break;
          }
        }
        if (j >= 0) continue;
        raise(typeErrorType, `${func.qualname}() got an unexpected keyword argument '${name}'`);
      }
      if (fast[j] !== null) raise(typeErrorType, `${func.qualname}() got multiple values for argument '${name}'`);
      fast[j] = value;
    }
    if (posonlyAsKw !== null) {
      raise(
        typeErrorType,
        `${func.qualname}() got some positional-only arguments passed as keyword arguments: '${posonlyAsKw.join(', ')}'`,
      );
    }
  }

  if (nargs > argcount && !(flags & CO_VARARGS)) tooManyPositional(func, fast, nargs);

  if (nargs < argcount) {
    const defaults = func.defaults;
    const ndef = defaults ? defaults.length : 0;
    const m = argcount - ndef;
    let missing: string[] | null = null;
    for (let i = nargs; i < m; i++) if (fast[i] === null) (missing ??= []).push(names[i]!);
    if (missing !== null) missingArguments(func, missing, 'positional');
    for (let i = m > nargs ? m : nargs; i < argcount; i++) if (fast[i] === null) fast[i] = defaults![i - m]!;
  }

  if (kwonly > 0) {
    let missing: string[] | null = null;
    for (let i = argcount; i < total; i++) {
      if (fast[i] !== null) continue;
      const d = func.kwdefaults?.getStr(names[i]!);
      if (d !== undefined) fast[i] = d;
      else (missing ??= []).push(names[i]!);
    }
    if (missing !== null) missingArguments(func, missing, 'keyword-only');
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function tooManyPositional(func: PyFunction, fast: (PyObject | null)[], given: number): never {
  const co = func.code;
  const argcount = co.argcount;
  let kwonlyGiven = 0;
  for (let i = argcount; i < argcount + co.kwonlyargcount; i++) if (fast[i] !== null) kwonlyGiven++;
  const ndef = func.defaults ? func.defaults.length : 0;
  let sig: string;
  if (ndef > 0) sig = `from ${argcount - ndef} to ${argcount} positional arguments`;
  else sig = `${plural(argcount, 'positional argument')}`;
  let kwText = '';
  if (kwonlyGiven > 0) kwText = ` positional argument${given === 1 ? '' : 's'} (and ${plural(kwonlyGiven, 'keyword-only argument')})`;
  const verb = given === 1 && kwonlyGiven === 0 ? 'was' : 'were';
  raise(typeErrorType, `${func.qualname}() takes ${sig} but ${given}${kwText} ${verb} given`);
}

function missingArguments(func: PyFunction, missing: string[], kind: string): never {
  const quoted = missing.map((n) => `'${n}'`);
  let list: string;
  if (quoted.length === 1) list = quoted[0]!;
  else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]}`;
  else list = `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
  raise(typeErrorType, `${func.qualname}() missing ${missing.length} required ${kind} argument${missing.length === 1 ? '' : 's'}: ${list}`);
}
