// `tspyc dis` (not implemented yet: registers nothing).
import type { Command } from 'commander';

export function registerDis(_program: Command): void {}
