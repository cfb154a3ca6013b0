// Public API of @tspyc/compiler.
export {};
