// Public API of bytecode/exception-table (filled in by its owner).
export {};
