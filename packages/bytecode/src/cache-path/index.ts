// Public API of bytecode/cache-path (filled in by its owner).
export {};
