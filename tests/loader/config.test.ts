// loaderConfig against python3.11 itself: for a grid of command-line flags and environment
// variables, sys.dont_write_bytecode, sys.flags.optimize and sys.pycache_prefix as the real
// interpreter reports them — and the cache path importlib then uses, as our cachePathFor gives it.
import { describe, expect, it } from 'vitest';
import { targetForVersion } from '@tspyc/bytecode';
import { cachePathFor, loaderConfig, type InterpreterFlags } from '@tspyc/loader';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { oracle, oracleEnv } from '../../tools/oracles.js';

const target = targetForVersion('3.11')!;

const FLAGS: InterpreterFlags[] = [
  {}, { dontWriteBytecode: true }, { optimize: 1 }, { optimize: 2 }, { optimize: 3 }, { ignoreEnvironment: true }, { isolated: true },
  { xOptions: ['pycache_prefix=/xo'] }, { xOptions: ['pycache_prefix'] }, { xOptions: ['pycache_prefix='] }, { xOptions: ['pycache_prefix=rel'] },
  { xOptions: ['pycache_prefix=/first', 'pycache_prefix=/second'] }, { xOptions: ['dev', 'pycache_prefix=/after'] },
  { ignoreEnvironment: true, xOptions: ['pycache_prefix=/xo'], dontWriteBytecode: true, optimize: 1 },
];
const ENVS: Record<string, string | undefined>[] = [
  {}, { PYTHONPYCACHEPREFIX: '/env' }, { PYTHONPYCACHEPREFIX: '' }, { PYTHONPYCACHEPREFIX: 'relenv' },
  ...['', '0', '1', '00', '-1', ' 2', '+2', '2x', '0x10', '99999999999', 'yes'].flatMap((v) => [{ PYTHONDONTWRITEBYTECODE: v }, { PYTHONOPTIMIZE: v }]),
  { PYTHONOPTIMIZE: '5', PYTHONDONTWRITEBYTECODE: '3', PYTHONPYCACHEPREFIX: '/all' },
];

const argsOf = (f: InterpreterFlags): string[] => [
  ...(f.dontWriteBytecode ? ['-B'] : []),
  ...(f.optimize ? ['-' + 'O'.repeat(f.optimize)] : []),
  ...(f.ignoreEnvironment ? ['-E'] : []),
  ...(f.isolated ? ['-I'] : []),
  ...(f.xOptions ?? []).flatMap((x) => ['-X', x]),
];

describe.skipIf(!oracle('3.11'))('loader configuration from flags and environment (python3.11)', () => {
  it('dont_write_bytecode, optimize and pycache_prefix as CPython computes them', async () => {
    const script = 'import sys, importlib.util, json; print(json.dumps([sys.flags.dont_write_bytecode, sys.flags.optimize, sys.pycache_prefix, importlib.util.cache_from_source("/a/b/m.py")]))';
    // Every variable value without flags; every flag with a few telling environments.
    const telling = [ENVS[0]!, ENVS[1]!, ENVS[2]!, ENVS[ENVS.length - 1]!, { PYTHONDONTWRITEBYTECODE: '0', PYTHONOPTIMIZE: '1' }];
    const combos = [...ENVS.map((env) => ({ flags: {} as InterpreterFlags, env })), ...FLAGS.slice(1).flatMap((flags) => telling.map((env) => ({ flags, env })))];
    const run = promisify(execFile);
    const exe = oracle('3.11')!;
    const answers: string[] = new Array(combos.length);
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < combos.length) {
        const i = next++;
        const { flags, env } = combos[i]!;
        const r = await run(exe, [...argsOf(flags), '-c', script], { env: oracleEnv({ PYTHONDONTWRITEBYTECODE: undefined, PYTHONOPTIMIZE: undefined, PYTHONPYCACHEPREFIX: undefined, ...env }), cwd: '/' });
        answers[i] = r.stdout;
      }
    }));
    const rows = combos.map(({ flags, env }, i) => {
      const [dontWrite, optimize, prefix, cached] = JSON.parse(answers[i]!) as [number, number, string | null, string];
      const c = loaderConfig(env, flags);
      return {
        case: `${argsOf(flags).join(' ')} ${JSON.stringify(env)}`,
        ours: [c.dontWriteBytecode, c.optimization, c.pycachePrefix, cachePathFor('/a/b/m.py', { target, optimization: c.optimization, pycachePrefix: c.pycachePrefix, cwd: '/' })],
        theirs: [dontWrite === 1, optimize, prefix, cached],
      };
    });
    const bad = rows.filter((r) => JSON.stringify(r.ours) !== JSON.stringify(r.theirs));
    console.log(`loader config: ${rows.length - bad.length}/${rows.length} flag × environment combinations agree with python3.11`);
    expect(bad).toEqual([]);
  }, 300_000);
});
