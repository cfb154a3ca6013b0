/** The sub-command `argv` (process.argv) names: its first word that is not an option. */
export function commandName(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((a) => !a.startsWith('-'));
}
