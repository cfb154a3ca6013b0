export { stackEffect311 } from './stack-effect311.js';
export { stackDepth311, stackDepthReport311, StackDepthError, type StackDepthReport } from './stack-depth.js';
