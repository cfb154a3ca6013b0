// Public API of @tspyc/loader.
export {};
