// typing, minimally: the names programs use in annotations, subscriptable, with CPython's reprs
// for the plain aliases. Enough for annotated code to run; not a type checker's typing.
// CPython counterpart: Lib/typing.py.
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod } from '../objects/native.js';
import { repr } from '../protocols/repr.js';
import { False } from '../objects/int.js';
import { addTypingClasses } from './typing-classes.js';

export const specialFormType = builtinType('_SpecialForm', undefined, 0);
specialFormType.module = 'typing';

class PyTypingForm extends PyObject {
  constructor(readonly label: string, readonly args: PyObject[] | null) {
    super(specialFormType);
  }
}

function argRepr(o: PyObject): string {
  if (o instanceof PyType) return o.module === 'builtins' ? o.qualname : `${o.module}.${o.qualname}`;
  if (o === None) return 'None';
  return repr(o);
}

export function makeTyping(): PyModule {
  const m = new PyModule('typing');
  const t = specialFormType;
  defMethod(t, '__getitem__', (a) => {
    const f = a[0] as PyTypingForm;
    const args = a[1] instanceof PyTuple ? a[1].items : [a[1]!];
    return new PyTypingForm(f.label, args);
  });
  defMethod(t, '__repr__', (a) => {
    const f = a[0] as PyTypingForm;
    if (f.args === null) return newStr(`typing.${f.label}`);
    return newStr(`typing.${f.label}[${f.args.map(argRepr).join(', ')}]`);
  });
  defMethod(t, '__call__', (a) => a[1] ?? None);
  defMethod(t, '__or__', (a) => new PyTypingForm('Union', [a[0]!, a[1]!]));
  defMethod(t, '__ror__', (a) => new PyTypingForm('Union', [a[1]!, a[0]!]));
  for (const name of [
    'Any', 'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Optional', 'Union', 'Callable', 'Iterable', 'Iterator',
    'Generator', 'Sequence', 'Mapping', 'MutableMapping', 'MutableSequence', 'Type', 'ClassVar', 'Final', 'Literal',
    'Deque', 'DefaultDict', 'Counter', 'OrderedDict', 'NoReturn', 'Awaitable', 'Coroutine', 'AsyncIterator', 'Hashable',
    'Sized', 'Collection', 'Container', 'Reversible', 'SupportsInt', 'SupportsFloat', 'Annotated',
  ]) {
    m.dict.setStr(name, new PyTypingForm(name, null));
  }
  m.dict.setStr('TYPE_CHECKING', False);
  m.dict.setStr('NewType', builtinFunction('NewType', (a) => a[1]!));
  m.dict.setStr('cast', builtinFunction('cast', (a) => a[1]!));
  m.dict.setStr('overload', builtinFunction('overload', (a) => a[0]!));
  m.dict.setStr('final', builtinFunction('final', (a) => a[0]!));
  m.dict.setStr('no_type_check', builtinFunction('no_type_check', (a) => a[0]!));
  m.dict.setStr('runtime_checkable', builtinFunction('runtime_checkable', (a) => a[0]!));
  addTypingClasses(m);
  return m;
}

