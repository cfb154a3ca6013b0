// Public API of bytecode/source-hash (filled in by its owner).
export {};
