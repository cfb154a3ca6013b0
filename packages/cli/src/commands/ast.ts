// `tspyc ast` (not implemented yet: registers nothing).
import type { Command } from 'commander';

export function registerAst(_program: Command): void {}
