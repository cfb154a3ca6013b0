// Public API of @tspyc/compiler: each stage exports from its own folder.
export * from './tokenize/index.js';
export * from './tokenizer/index.js';
export * from './ast/index.js';
export * from './parser/index.js';
export * from './diagnostics/index.js';
export * from './symtable/index.js';
export * from './assemble/index.js';
export * from './compile/index.js';
export * from './optimizer/index.js';
