// Every sub-command registers itself here; main.ts stays a thin shell.
import type { Command } from 'commander';

export type Register = (program: Command) => void;

export const commands: Register[] = [];
