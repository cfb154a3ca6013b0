// Public API of @tspyc/bytecode.
export {};
