// Public API of bytecode/inspect: a JSON-ready description of a pyc for `tspyc inspect`.
export {
  describeCode,
  describeHeader,
  describePyc,
  type CodeDescription,
  type ConstDescription,
  type HeaderDescription,
  type PycDescription,
} from './describe.js';
