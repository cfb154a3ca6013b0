// Public API of marshal/ref-model: CPython's object identity and FLAG_REF pattern for a compiled module.
export { canonicalizeRefs, type RefModelOptions } from './canonicalize-refs.js';
export { freshPyCompileState, type ProcessState } from './process-state.js';
export { byteChars, constantKey } from './constant-key.js';
export { ConstantIds } from './constant-ids.js';
export { identifierConstant } from './identifier-hints.js';
export { newObjectConstant } from './new-object-hints.js';
