// Public API of bytecode/pyc (filled in by its owner).
export {};
