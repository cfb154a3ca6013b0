// What the interpreter's command line and environment mean for the loader: sys.dont_write_bytecode,
// sys.flags.optimize (the .opt-N cache names) and sys.pycache_prefix, as CPython 3.11 computes them.
// CPython counterpart: Python/initconfig.c (_Py_get_env_flag, config_init_pycache_prefix,
// config_read_env_vars, the -B / -O / -E / -I / -X options).

export interface InterpreterFlags {
  /** -B */
  dontWriteBytecode?: boolean;
  /** how many -O were given */
  optimize?: number;
  /** -E: ignore PYTHON* variables */
  ignoreEnvironment?: boolean;
  /** -I (implies -E) */
  isolated?: boolean;
  /** every -X option as written, e.g. 'pycache_prefix=/tmp/c' or 'pycache_prefix' */
  xOptions?: readonly string[];
}

export interface LoaderConfig {
  dontWriteBytecode: boolean;
  /** sys.flags.optimize; any level names its caches .opt-N (0: no tag) */
  optimization: number;
  pycachePrefix: string | null;
}

const INT_MAX = 2 ** 31 - 1;

/**
 * _Py_get_env_flag: an unset or empty variable is 0; an integer (as strtol in base 10 reads the
 * whole string) counts as itself; anything else, a negative number or an overflow counts as 1.
 */
export function envFlag(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  if (!/^[ \t\n\v\f\r]*[+-]?[0-9]+$/.test(value)) return 1;
  const n = Number(value.trim());
  return n < 0 || n > INT_MAX ? 1 : n;
}

export function loaderConfig(env: Readonly<Record<string, string | undefined>>, flags: InterpreterFlags = {}): LoaderConfig {
  const useEnv = !(flags.ignoreEnvironment || flags.isolated);
  const get = (name: string) => (useEnv ? env[name] : undefined);
  const dontWrite = Math.max(flags.dontWriteBytecode ? 1 : 0, envFlag(get('PYTHONDONTWRITEBYTECODE')));
  const optimization = Math.max(flags.optimize ?? 0, envFlag(get('PYTHONOPTIMIZE')));
  // -X pycache_prefix (the first one given) wins over the variable, even without a value; empty means none.
  let prefix: string | null | undefined;
  const x = (flags.xOptions ?? []).find((o) => o === 'pycache_prefix' || o.startsWith('pycache_prefix='));
  if (x !== undefined) prefix = x.includes('=') ? x.slice(x.indexOf('=') + 1) : null;
  else prefix = get('PYTHONPYCACHEPREFIX');
  return { dontWriteBytecode: dontWrite > 0, optimization, pycachePrefix: prefix ? prefix : null };
}
