// Public API of bytecode/linetable (filled in by its owner).
export {};
