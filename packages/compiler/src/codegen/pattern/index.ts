// Structural pattern matching (PEP 634): compile.c's compiler_match and compiler_pattern_*.
export { compileMatch } from './match.js';
