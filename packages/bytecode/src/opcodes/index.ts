// Public API of bytecode/opcodes (filled in by its owner).
export {};
