// Public API of bytecode/marshal: marshal.loads / marshal.dumps for code objects and constants.
export { MarshalError, type MarshalErrorCode } from './errors.js';
export { loads, loadsAt, MarshalReader, type ReadOptions } from './reader.js';
export { dumps, MarshalWriter, type WriteOptions } from './writer.js';
export { marshalOptionsFor } from './options.js';
export * as typeCodes from './type-codes.js';
export { byteChars, canonicalizeRefs, constantKey, ConstantIds, identifierConstant, newObjectConstant, type RefModelOptions } from './ref-model/index.js';
