// BaseException and its subclasses' behaviour. CPython counterpart: Objects/exceptions.c
// (BaseException_new/init/str/repr, KeyError_str, StopIteration_init, SystemExit_init).
import { raise, setExceptionAttrHook, setExceptionFactory, setStrFactory } from '../errors.js';
import { None, PyObject, PyType } from './object.js';
import { newStr, PyStr } from './str.js';
import { newTuple, PyTuple } from './tuple.js';
import { PyList } from './list.js';
import { PyDict } from './dict.js';
import { defMethod, type Kwargs } from './native.js';
import { defGetSet } from './descr.js';
import {
  PyBaseException,
  baseExceptionType,
  keyErrorType,
  stopIterationType,
  systemExitType,
  typeErrorType,
  nameErrorType,
  attributeErrorType,
  importErrorType,
  osErrorType,
  OSERROR_BY_ERRNO,
  syntaxErrorType,
} from './exception-types.js';
import { repr, str } from '../protocols/repr.js';
import { PyTraceback } from './traceback.js';
import { PyInt, pyBool } from './int.js';
import { isTrue } from '../protocols/truth.js';
import { getAttrOpt, setAttr } from '../protocols/getattr.js';
import { toArray } from '../protocols/iter.js';

export function newExceptionObject(type: PyType, message: string | null): PyObject {
  const e = new PyBaseException(type, message === null ? [] : [newStr(message)]);
  e.dict = new PyDict();
  return e;
}

function exc(o: PyObject): PyBaseException {
  if (!(o instanceof PyBaseException)) raise(typeErrorType, `descriptor requires a 'BaseException' object but received a '${o.type.name}'`);
  return o;
}

export function exceptionStr(e: PyBaseException): string {
  const args = e.args;
  if (e.type.isSubtype(keyErrorType) && args.length === 1) return repr(args[0]!);
  if (args.length === 0) return '';
  if (args.length === 1) return str(args[0]!);
  return repr(newTuple(args));
}

/** _PyArg_NoKeywords in the builtin exceptions' __init__, named by the instance's type. */
export function noKeywords(self: PyObject, kw: Kwargs | null): void {
  if (kw !== null && kw.size > 0) raise(typeErrorType, `${self.type.name}() takes no keyword arguments`);
}

export function initExceptions(): void {
  setExceptionFactory(newExceptionObject);
  setStrFactory(newStr);
  setExceptionAttrHook((e, name, value) => {
    if (e.dict instanceof PyDict) e.dict.setStr(name, value);
  });
  const t = baseExceptionType;
  defMethod(t, '__new__', (a) => {
    const e = new PyBaseException(a[0] as PyType, a.slice(1));
    e.dict = new PyDict();
    return e;
  });
  defMethod(t, '__init__', (a, kw) => {
    noKeywords(a[0]!, kw);
    exc(a[0]!).args = a.slice(1);
    return None;
  });
  defMethod(t, '__str__', (a) => {
    const e = exc(a[0]!);
    const args = e.args;
    if (args.length === 0) return newStr('');
    if (args.length === 1) return newStr(str(args[0]!));
    return newStr(repr(newTuple(args)));
  });
  defMethod(t, '__repr__', (a) => {
    const e = exc(a[0]!);
    const args = e.args;
    const name = e.type.name;
    if (args.length === 1) return newStr(`${name}(${repr(args[0]!)})`);
    return newStr(`${name}(${args.map(repr).join(', ')})`);
  });
  // BaseException_reduce / _setstate: pickle and copy rebuild an exception from its type and
  // args, then restore its attributes
  defMethod(t, '__reduce__', (a) => {
    const e = exc(a[0]!);
    const d = e.dict;
    if (d instanceof PyDict && d.size > 0) return newTuple([e.type, newTuple(e.args), d]);
    return newTuple([e.type, newTuple(e.args)]);
  });
  defMethod(t, '__setstate__', (a) => {
    const e = exc(a[0]!);
    const state = a[1]!;
    if (state === None) return None;
    if (!(state instanceof PyDict)) raise(typeErrorType, 'state is not a dictionary');
    for (const [k, v] of state.entries()) {
      if (!(k instanceof PyStr)) raise(typeErrorType, `attribute name must be string, not '${k.type.name}'`);
      setAttr(e, k.value, v);
    }
    return None;
  });
  defMethod(t, 'with_traceback', (a) => {
    exc(a[0]!).traceback = a[1] === None ? null : a[1]!;
    return a[0]!;
  });
  defMethod(t, 'add_note', (a) => {
    const e = exc(a[0]!);
    if (!(a[1] instanceof PyStr)) raise(typeErrorType, `note must be a str, not '${a[1]!.type.name}'`);
    // BaseException_add_note: __notes__ is an ordinary attribute, which the user may replace
    let notes = getAttrOpt(e, '__notes__');
    if (notes === undefined) {
      notes = new PyList([]);
      setAttr(e, '__notes__', notes);
    } else if (!(notes instanceof PyList)) {
      raise(typeErrorType, 'Cannot add note: __notes__ is not a list');
    }
    (notes as PyList).items.push(a[1]);
    return None;
  });
  defGetSet(
    t,
    'args',
    (o) => newTuple(exc(o).args),
    (o, v) => {
      exc(o).args = v instanceof PyTuple ? v.items : [v!];
    },
  );
  defGetSet(
    t,
    '__traceback__',
    (o) => exc(o).traceback ?? None,
    (o, v) => {
      if (v !== None && !(v instanceof PyTraceback)) raise(typeErrorType, '__traceback__ must be a traceback or None');
      exc(o).traceback = v === None ? null : v;
    },
  );
  defGetSet(
    t,
    '__cause__',
    (o) => exc(o).cause ?? None,
    (o, v) => {
      const e = exc(o);
      if (v !== None && !(v instanceof PyBaseException)) raise(typeErrorType, 'exception cause must be None or derive from BaseException');
      e.cause = v === None ? null : v;
      e.suppressContext = true;
    },
  );
  defGetSet(
    t,
    '__context__',
    (o) => exc(o).context ?? None,
    (o, v) => {
      if (v === null) raise(typeErrorType, '__context__ may not be deleted');
      if (v !== None && !(v instanceof PyBaseException)) raise(typeErrorType, 'exception context must be None or derive from BaseException');
      exc(o).context = v === None ? null : v;
    },
  );
  defGetSet(
    t,
    '__suppress_context__',
    (o) => pyBool(exc(o).suppressContext),
    (o, v) => {
      exc(o).suppressContext = isTrue(v!);
    },
  );

  defMethod(keyErrorType, '__str__', (a) => newStr(exceptionStr(exc(a[0]!))));
  defGetSet(stopIterationType, 'value', (o) => (exc(o).args.length > 0 ? exc(o).args[0]! : None));
  defGetSet(systemExitType, 'code', (o) => {
    const args = exc(o).args;
    return args.length === 0 ? None : args.length === 1 ? args[0]! : newTuple(args);
  });
  for (const [type, attr] of [
    [nameErrorType, 'name'],
    [attributeErrorType, 'name'],
    [attributeErrorType, 'obj'],
    [importErrorType, 'name'],
    [importErrorType, 'path'],
  ] as const) {
    defGetSet(
      type,
      attr,
      (o) => (o.dict as PyDict).getStr(attr) ?? None,
      (o, v) => {
        (o.dict as PyDict).setStr(attr, v ?? None);
      },
    );
  }
  // ImportError.msg: the one argument, unless set (ImportError_init)
  defGetSet(
    importErrorType,
    'msg',
    (o) => (o.dict as PyDict).getStr('msg') ?? (exc(o).args.length === 1 ? exc(o).args[0]! : None),
    (o, v) => {
      (o.dict as PyDict).setStr('msg', v ?? None);
    },
  );
  // NameError(name=...), AttributeError(name=..., obj=...), ImportError(name=..., path=...)
  for (const [type, allowed] of [[nameErrorType, ['name']], [attributeErrorType, ['name', 'obj']], [importErrorType, ['name', 'path']]] as const) {
    defMethod(type, '__init__', (a, kw) => {
      const e = exc(a[0]!);
      e.args = a.slice(1);
      // the keywords not given are reset (ImportError_init / NameError_init / AttributeError_init)
      for (const k of allowed) (e.dict as PyDict).setStr(k, None);
      for (const [k, v] of kw ?? []) {
        if (!(allowed as readonly string[]).includes(k)) raise(typeErrorType, `'${k}' is an invalid keyword argument for ${type.name}()`);
        (e.dict as PyDict).setStr(k, v);
      }
      return None;
    });
  }
  // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])): the details as attributes
  const syntaxAttrs = ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line'];
  for (const attr of syntaxAttrs) {
    defGetSet(
      syntaxErrorType,
      attr,
      (o) => (exc(o).dict as PyDict).getStr(attr) ?? None,
      (o, v) => {
        (exc(o).dict as PyDict).setStr(attr, v ?? None);
      },
    );
  }
  defMethod(syntaxErrorType, '__init__', (a, kw) => {
    noKeywords(a[0]!, kw);
    const e = exc(a[0]!);
    const args = a.slice(1);
    e.args = args;
    const d = e.dict as PyDict;
    if (args.length >= 1) d.setStr('msg', args[0]!);
    if (args.length === 2) {
      // SyntaxError_init: any sequence, parsed as "OOOO|OO"
      const info = toArray(args[1]!);
      if (info.length < 4) raise(typeErrorType, `function takes at least 4 arguments (${info.length} given)`);
      if (info.length > 6) raise(typeErrorType, `function takes at most 6 arguments (${info.length} given)`);
      if (info.length === 5) raise(typeErrorType, 'end_offset must be provided when end_lineno is provided');
      ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'].forEach((k, i) => d.setStr(k, info[i] ?? None));
    }
    return None;
  });
  defMethod(syntaxErrorType, '__str__', (a) => {
    // SyntaxError_str: "msg (file, line N)" with the file's basename
    const d = exc(a[0]!).dict as PyDict;
    const msg = str(d.getStr('msg') ?? None);
    const f = d.getStr('filename');
    const file = f instanceof PyStr ? f.value.split('/').pop()! : null;
    const ln = d.getStr('lineno');
    const line = ln instanceof PyInt ? ln.value.toString() : null;
    if (file !== null && line !== null) return newStr(`${msg} (${file}, line ${line})`);
    if (file !== null) return newStr(`${msg} (${file})`);
    if (line !== null) return newStr(`${msg} (line ${line})`);
    return newStr(msg);
  });
  // OSError: (errno, strerror[, filename[, winerror[, filename2]]]); OSError itself becomes the
  // subclass its errno selects (ENOENT → FileNotFoundError …), and args keep only the first two.
  defMethod(osErrorType, '__new__', (a) => {
    let cls = a[0] as PyType;
    const args = a.slice(1);
    if (cls === osErrorType && args.length >= 2 && args.length <= 5 && args[0] instanceof PyInt) {
      cls = OSERROR_BY_ERRNO.get(Number(args[0].value)) ?? cls;
    }
    const e = new PyBaseException(cls, args);
    e.dict = new PyDict();
    osErrorInit(e, args);
    return e;
  });
  defMethod(osErrorType, '__init__', (a, kw) => {
    noKeywords(a[0]!, kw);
    return None;
  });
  defMethod(osErrorType, '__str__', (a) => {
    const e = exc(a[0]!);
    const d = e.dict as PyDict;
    const errno = d.getStr('errno') ?? None;
    const strerror = d.getStr('strerror') ?? None;
    const f1 = d.getStr('filename') ?? None;
    const f2 = d.getStr('filename2') ?? None;
    if (f1 !== None && f2 !== None) return newStr(`[Errno ${str(errno)}] ${str(strerror)}: ${repr(f1)} -> ${repr(f2)}`);
    if (f1 !== None) return newStr(`[Errno ${str(errno)}] ${str(strerror)}: ${repr(f1)}`);
    if (errno !== None && strerror !== None) return newStr(`[Errno ${str(errno)}] ${str(strerror)}`);
    return newStr(exceptionStr(e));
  });
  for (const attr of ['errno', 'strerror', 'filename', 'filename2']) {
    defGetSet(
      osErrorType,
      attr,
      (o) => (exc(o).dict as PyDict).getStr(attr) ?? None,
      (o, v) => {
        (exc(o).dict as PyDict).setStr(attr, v ?? None);
      },
    );
  }
}

function osErrorInit(e: PyBaseException, args: PyObject[]): void {
  const d = e.dict as PyDict;
  if (args.length < 2 || args.length > 5) return;
  d.setStr('errno', args[0]!);
  d.setStr('strerror', args[1]!);
  if (args.length >= 3 && args[2] !== None) {
    d.setStr('filename', args[2]!);
    if (args.length === 5 && args[4] !== None) d.setStr('filename2', args[4]!);
    e.args = args.slice(0, 2);
  }
}
