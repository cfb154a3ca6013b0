// Public API of @tspyc/bytecode: the format layer every other package shares.
export * from './values.js';
export * from './code-object.js';
export * from './target.js';
export * from './marshal/index.js';
export * from './opcodes/index.js';
export * from './linetable/index.js';
export * from './exception-table/index.js';
export * from './dis/index.js';
export * from './pyc/index.js';
export * from './source-hash/index.js';
export * from './cache-path/index.js';
export * from './inspect/index.js';
export * from './diff/index.js';
export * from './stack/index.js';
export * from './libm/index.js';
export * from './text/index.js';
