// Every sub-command lives in its own file and registers itself here; main.ts stays a thin shell.
// The files are loaded on demand: a run of one command loads that command's modules only (the
// compiler, the VM and the loader are large, and `tspyc run` should start in milliseconds).
import type { Command } from 'commander';
import { commandName } from './command-name.js';

export type Register = (program: Command) => void;

/** command name → its registration, in `tspyc --help` order */
export const commandLoaders: ReadonlyMap<string, () => Promise<Register>> = new Map([
  ['tokenize', async () => (await import('./tokenize.js')).registerTokenize],
  ['ast', async () => (await import('./ast.js')).registerAst],
  ['dis', async () => (await import('./dis.js')).registerDis],
  ['inspect', async () => (await import('./inspect.js')).registerInspect],
  ['check', async () => (await import('./check.js')).registerCheck],
  ['compile', async () => (await import('./compile.js')).registerCompile],
  ['diff', async () => (await import('./diff.js')).registerDiff],
  ['run', async () => (await import('./run.js')).registerRun],
  ['watch', async () => (await import('./watch.js')).registerWatch],
  ['verify', async () => (await import('./verify.js')).registerVerify],
]);

/** the registrations needed for `argv`: the named command's alone, or all of them (help, typos) */
export async function commandsFor(argv: readonly string[]): Promise<Register[]> {
  const name = commandName(argv);
  const one = name !== undefined ? commandLoaders.get(name) : undefined;
  if (one && name !== 'help') return [await one()];
  return Promise.all([...commandLoaders.values()].map((load) => load()));
}
