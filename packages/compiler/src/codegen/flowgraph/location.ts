// Instruction locations as compile.c handles them: COPY_INSTR_LOC, UNSET_LOC, and the conversion to
// the assembler's positions (write_location_info_entry: a negative line is "no location", a
// negative column or end line is "absent").
import type { Position } from '@tspyc/bytecode';
import type { Location } from '../ir.js';

/** UNSET_LOC: every field -1 (the prefix instructions insert_prefix_instructions adds) */
export const UNSET_LOCATION: Location = { lineno: -1, endLineno: -1, colOffset: -1, endColOffset: -1 };

export function hasLineno(loc: Location): boolean {
  return loc.lineno >= 0;
}

export function toPosition(loc: Location): Position {
  if (loc.lineno < 0) return { line: null, endLine: null, col: null, endCol: null };
  return {
    line: loc.lineno,
    endLine: loc.endLineno < 0 ? null : loc.endLineno,
    col: loc.colOffset < 0 ? null : loc.colOffset,
    endCol: loc.endColOffset < 0 ? null : loc.endColOffset,
  };
}
