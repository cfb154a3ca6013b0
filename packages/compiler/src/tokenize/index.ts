// Public API of compiler/tokenize (filled in by its owner).
export {};
