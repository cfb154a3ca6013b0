// __build_class__: run a class body and call the metaclass. CPython counterpart:
// Python/bltinmodule.c (builtin___build_class__, calculate_metaclass).
import { raise } from '../errors.js';
import { None, PyObject, PyType, typeType } from '../objects/object.js';
import { newStr, PyStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PyCell, PyFunction } from '../objects/function.js';
import { builtinFunction, type PyBuiltin } from '../objects/native.js';
import { runtimeErrorType, typeErrorType } from '../objects/exception-types.js';
import { repr } from '../protocols/repr.js';
import { callObject } from '../protocols/call.js';
import { descrGet, getAttrOpt } from '../protocols/getattr.js';
import { evalCodeWithLocals } from '../eval/ceval.js';
import { localsSet } from '../eval/ops.js';
import { toArray } from '../protocols/iter.js';
import { setItem } from '../protocols/sequence.js';

function calculateMetaclass(meta: PyType, bases: PyObject[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const t = b.type;
    if (winner.isSubtype(t)) continue;
    if (t.isSubtype(winner)) {
      winner = t;
      continue;
    }
    raise(typeErrorType, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

export function buildClassBuiltin(): PyBuiltin {
  return builtinFunction('__build_class__', (a, kw) => {
    if (a.length < 2) raise(typeErrorType, '__build_class__: not enough arguments');
    const func = a[0]!;
    if (!(func instanceof PyFunction)) raise(typeErrorType, '__build_class__: func must be a function');
    const nameObj = a[1]!;
    if (!(nameObj instanceof PyStr)) raise(typeErrorType, '__build_class__: name is not a string');
    let bases = a.slice(2);
    const origBases = bases;
    // __mro_entries__
    if (bases.some((b) => !(b instanceof PyType))) {
      const resolved: PyObject[] = [];
      for (const b of bases) {
        const me = b instanceof PyType ? undefined : getAttrOpt(b, '__mro_entries__');
        if (me !== undefined) resolved.push(...toArray(callObject(me, [newTuple(bases)], null)));
        else resolved.push(b);
      }
      bases = resolved;
    }
    let kwargs: Map<string, PyObject> | null = kw ? new Map(kw) : null;
    let meta: PyObject;
    const explicit = kwargs?.get('metaclass');
    if (explicit !== undefined) {
      kwargs!.delete('metaclass');
      meta = explicit;
    } else {
      meta = bases.length === 0 ? typeType : bases[0]!.type;
    }
    if (meta instanceof PyType) meta = calculateMetaclass(meta, bases);
    if (kwargs !== null && kwargs.size === 0) kwargs = null;
    const basesTuple = newTuple(bases);
    let ns: PyObject;
    const prep = meta instanceof PyType ? meta.lookup('__prepare__') : getAttrOpt(meta, '__prepare__');
    if (prep !== undefined) {
      const bound = meta instanceof PyType ? descrGet(prep, null, meta) : prep;
      ns = callObject(bound, [nameObj, basesTuple], kwargs);
    } else {
      ns = new PyDict();
    }
    if (ns.type.lookup('__getitem__') === undefined) raise(typeErrorType, `${(meta as PyType).name}.__prepare__() must return a mapping, not ${ns.type.name}`);
    // bases replaced through __mro_entries__: the originals stay visible as __orig_bases__
    if (origBases !== bases) setItem(ns, newStr('__orig_bases__'), newTuple(origBases));
    const cell = evalCodeWithLocals(func.code, func.globals, func.builtins, ns, func);
    if (bases !== a.slice(2) && a.slice(2).some((b, i) => b !== bases[i])) localsSet(ns, '__orig_bases__', newTuple(a.slice(2)));
    const cls = callObject(meta, [nameObj, basesTuple, ns], kwargs);
    if (cell instanceof PyCell && cls instanceof PyType && cell.ref !== cls) {
      if (cell.ref === null) {
        raise(runtimeErrorType, `__class__ not set defining ${repr(nameObj)} as ${repr(cls)}. Was __classcell__ propagated to type.__new__?`);
      }
      raise(typeErrorType, `__class__ set to ${repr(cell.ref)} defining ${repr(nameObj)} as ${repr(cls)}`);
    }
    void None;
    return cls;
  });
}
