// `tspyc tokenize` (not implemented yet: registers nothing).
import type { Command } from 'commander';

export function registerTokenize(_program: Command): void {}
