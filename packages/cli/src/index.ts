// The `tspyc` command-line package has no library API; see main.ts and program.ts.
export { main } from './main.js';
export { buildProgram } from './program.js';
