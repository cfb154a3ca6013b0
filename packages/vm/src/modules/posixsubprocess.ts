// _posixsubprocess without processes: subprocess imports, and starting a child is an OSError (the
// host runs no programs for the VM). CPython counterpart: Modules/_posixsubprocess.c.
import { osError } from '../modules/host-files.js';
import { PyError } from '../errors.js';
import { intFromNumber } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction } from '../objects/native.js';
import { osErrorType } from '../objects/exception-types.js';
import { callObject } from '../protocols/call.js';

export function makePosixSubprocess(): PyModule {
  const m = new PyModule('_posixsubprocess');
  m.dict.setStr(
    'fork_exec',
    builtinFunction('fork_exec', () => {
      throw osError(38, 'Function not implemented (tspyc runs no child processes)');
    }),
  );
  return m;
}
