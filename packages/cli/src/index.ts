// The `tspyc` command-line package has no library API; see main.ts.
export { main, buildProgram } from "./main.js";
