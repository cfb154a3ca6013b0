// `tspyc run` (not implemented yet: registers nothing).
import type { Command } from 'commander';

export function registerRun(_program: Command): void {}
