// Public API of compiler/ast (filled in by its owner).
export {};
