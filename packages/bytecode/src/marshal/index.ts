// Public API of bytecode/marshal (filled in by its owner).
export {};
