export { diffPycBytes, diffCode, diffPycs, type CodeDifference, type DiffField, type HeaderDifference, type PycDiff } from './pyc-diff.js';
