// The one JS carrier of Python exceptions, and helpers that raise the common ones.
// CPython counterpart: Python/errors.c (PyErr_SetString, PyErr_Format).
//
// A Python exception travels through TypeScript as a thrown PyError holding the exception object.
// PyError deliberately does not extend Error: no JS stack is captured, raising stays cheap.
import type { PyObject, PyType } from './objects/object.js';

export class PyError {
  constructor(readonly exc: PyObject) {}
}

/** Installed by objects/exceptions.ts: builds an exception instance of `type` with one str arg. */
export let newException: (type: PyType, message: string | null) => PyObject = () => {
  throw new Error('exceptions not initialised');
};
export function setExceptionFactory(f: (type: PyType, message: string | null) => PyObject): void {
  newException = f;
}

/** Raise `type(message)`. */
export function raise(type: PyType, message: string | null): never {
  throw new PyError(newException(type, message));
}

/** An internal invariant broken: a bug in the VM, not a Python error. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** Installed by objects/exceptions.ts: sets an attribute of an exception's __dict__. */
export let setExceptionAttr: (exc: PyObject, name: string, value: PyObject) => void = () => {};
export function setExceptionAttrHook(f: (exc: PyObject, name: string, value: PyObject) => void): void {
  setExceptionAttr = f;
}
export let strObject: (s: string) => PyObject = () => {
  throw new Error('str not initialised');
};
export function setStrFactory(f: (s: string) => PyObject): void {
  strObject = f;
}

/** NameError(message) with .name set (CPython's format_exc_check_arg). */
export function raiseNameError(type: PyType, message: string, name: string): never {
  const e = newException(type, message);
  setExceptionAttr(e, 'name', strObject(name));
  throw new PyError(e);
}

/** AttributeError(message) with .name and .obj set (set_attribute_error_context). */
export function raiseAttributeError(type: PyType, message: string, name: string, obj: PyObject): never {
  const e = newException(type, message);
  setExceptionAttr(e, 'name', strObject(name));
  setExceptionAttr(e, 'obj', obj);
  throw new PyError(e);
}
