// `tspyc inspect` (not implemented yet: registers nothing).
import type { Command } from 'commander';

export function registerInspect(_program: Command): void {}
