export { PySyntaxError, type SyntaxErrorType } from './syntax-error.js';
export { formatSyntaxError } from './format.js';
export { withProgramText } from './program-text.js';
