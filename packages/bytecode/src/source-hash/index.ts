// Public API of bytecode/source-hash.
export { sourceHash } from './source-hash.js';
export { siphash } from './siphash.js';
