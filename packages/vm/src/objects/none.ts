// None, NotImplemented and Ellipsis. CPython counterpart: Objects/object.c (none_repr,
// NotImplemented_repr), Objects/sliceobject.c (ellipsis_repr).
import { raise } from '../errors.js';
import { Ellipsis, None, NotImplemented, ellipsisType, noneType, notImplementedType } from './object.js';
import { False } from './int.js';
import { newStr } from './str.js';
import { defMethod } from './native.js';
import { typeErrorType } from './exception-types.js';

export function initNone(): void {
  defMethod(noneType, '__new__', (a) => {
    if (a.length > 1) raise(typeErrorType, 'NoneType takes no arguments');
    return None;
  });
  defMethod(noneType, '__repr__', () => newStr('None'));
  defMethod(noneType, '__bool__', () => False);
  defMethod(notImplementedType, '__repr__', () => newStr('NotImplemented'));
  defMethod(notImplementedType, '__new__', () => NotImplemented);
  defMethod(ellipsisType, '__repr__', () => newStr('Ellipsis'));
  defMethod(ellipsisType, '__new__', () => Ellipsis);
}
