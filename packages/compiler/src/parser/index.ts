// Public API of compiler/parser (filled in by its owner).
export {};
