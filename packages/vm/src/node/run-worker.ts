// The worker thread of run-file.ts: read the pyc, run it with the Node host, post the exit code.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readPyc } from '@tspyc/bytecode';
import { runMain } from '../interpreter.js';
import { NodeHost } from '../host-node.js';
import type { RunFileOptions } from './run-file.js';

const { path, argv } = workerData as RunFileOptions;
try {
  const pyc = readPyc(readFileSync(path), { aliasInput: true });
  // sys.path[0]: the directory of the file run, as `python FILE.pyc` sets it
  const exitCode = runMain(pyc.code, { host: new NodeHost([dirname(resolve(path))]), argv, file: path });
  parentPort!.postMessage({ exitCode });
} catch (err) {
  parentPort!.postMessage({ internalError: err instanceof Error ? err.message : String(err) });
}
