// Public API of compiler/tokenizer (filled in by its owner).
export {};
