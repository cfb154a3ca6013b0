// `tspyc run`'s line as `python` reads it: the first of FILE, -c CODE or -m MODULE ends the
// interpreter's options, and everything after it is the program's sys.argv[1:], options included
// (`tspyc run -m unittest -v test_x`). commander stops at FILE by itself (passThroughOptions), but
// -c and -m take their program as an option value: a '--' placed after it keeps the rest from
// being read as tspyc's own options.

/** run's options that take a value as the next word (when not given as --opt=value or -Xvalue) */
const WITH_VALUE = new Set(['-X', '--check-hash-based-pycs', '--stdlib']);

/** `argv` (process.argv of `tspyc run …`) with '--' after the -c/-m program, when there is one. */
export function separateProgramArgs(argv: readonly string[]): string[] {
  const at = argv.indexOf('run', 2);
  for (let i = at + 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || !a.startsWith('-') || a === '-') return [...argv]; // FILE (or stdin): commander stops there itself
    if (a === '-c' || a === '-m') return i + 2 <= argv.length ? [...argv.slice(0, i + 2), '--', ...argv.slice(i + 2)] : [...argv];
    if (/^-[cm]./.test(a)) return [...argv.slice(0, i + 1), '--', ...argv.slice(i + 1)]; // -cCODE, -mMODULE
    if (WITH_VALUE.has(a)) i++;
  }
  return [...argv];
}
