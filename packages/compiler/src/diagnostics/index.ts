export { PySyntaxError, type SyntaxErrorType } from './syntax-error.js';
