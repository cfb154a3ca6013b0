export { compileSource, resolveTarget, type CompileOptions, type OptimizeLevel } from './compile-source.js';
