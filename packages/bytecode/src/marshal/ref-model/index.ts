// Public API of marshal/ref-model: CPython's object identity and FLAG_REF pattern for a compiled module.
export { canonicalizeRefs, type RefModelOptions } from './canonicalize-refs.js';
export { FRESH_PY_COMPILE_INTERNED_CHARS, internedByFreshPyCompile } from './process-state.js';
