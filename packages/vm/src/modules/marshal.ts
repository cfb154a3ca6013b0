// The marshal module: loads over @tspyc/bytecode's reader (what importlib's loaders call; code
// objects become runnable code). dumps is not provided. CPython counterpart: Python/marshal.c.
import { loads, MarshalError } from '@tspyc/bytecode';
import { raise } from '../errors.js';
import { intFromNumber } from '../objects/int.js';
import { PyByteArray, PyBytes } from '../objects/bytes.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { convertConst } from '../eval/code.js';

export function makeMarshal(): PyModule {
  const m = new PyModule('marshal');
  m.dict.setStr('version', intFromNumber(4));
  m.dict.setStr(
    'loads',
    builtinFunction('loads', (a) => {
      const b = a[0];
      if (!(b instanceof PyBytes || b instanceof PyByteArray)) raise(typeErrorType, `a bytes-like object is required, not '${b?.type.name ?? 'NoneType'}'`);
      try {
        return convertConst(loads(b.value));
      } catch (err) {
        if (err instanceof MarshalError) raise(valueErrorType, 'bad marshal data (unknown type code)');
        raise(valueErrorType, `marshal data of this kind cannot be loaded by tspyc: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
  return m;
}
