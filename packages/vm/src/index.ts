// Public API of @tspyc/vm.
export {};
