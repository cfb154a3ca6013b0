// Public API of bytecode/linetable: line and position tables of every version.
export {
  decodeLocationTable,
  LineTableError,
  linesFromLocationTable,
  positions,
  type LineRange,
  type LocationEntry,
  type Position,
} from './positions.js';
export { lineStartsFromLnotab, linesFrom310Table } from './legacy.js';
export { coLines, findLineStarts } from './line-starts.js';
export { LocationTableWriter, type LocationRun } from './encode.js';
