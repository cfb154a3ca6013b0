// Instruction locations as compile.c handles them: COPY_INSTR_LOC, UNSET_LOC (linearize hands them
// to the assembler as write_location_info_entry reads them: a negative line is "no location", a
// negative column or end line is "absent").
import type { Location } from '../ir.js';

/** UNSET_LOC: every field -1 (the prefix instructions insert_prefix_instructions adds) */
export const UNSET_LOCATION: Location = { lineno: -1, endLineno: -1, colOffset: -1, endColOffset: -1 };

export function hasLineno(loc: Location): boolean {
  return loc.lineno >= 0;
}
