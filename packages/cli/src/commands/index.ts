// Every sub-command lives in its own file and registers itself here; main.ts stays a thin shell.
import type { Command } from 'commander';
import { registerAst } from './ast.js';
import { registerCheck } from './check.js';
import { registerCompile } from './compile.js';
import { registerDiff } from './diff.js';
import { registerDis } from './dis.js';
import { registerInspect } from './inspect.js';
import { registerRun } from './run.js';
import { registerTokenize } from './tokenize.js';
import { registerVerify } from './verify.js';
import { registerWatch } from './watch.js';

export type Register = (program: Command) => void;

export const commands: Register[] = [registerTokenize, registerAst, registerDis, registerInspect, registerCheck, registerCompile, registerDiff, registerRun, registerWatch, registerVerify];
