// Public API of bytecode/dis (filled in by its owner).
export {};
