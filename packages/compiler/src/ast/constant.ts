// The value of a Constant node: a format-level Python value (the same values a code object's
// co_consts holds), so the optimizer and codegen use them as they are.
import type { PyValue } from '@tspyc/bytecode';

export type ConstantValue = PyValue;
