// Whether compileSource routes match statements to codegen/pattern yet (the lead wires
// compileMatch into the statement visitor); the compileSource-based match tests wait for it.
import { compileSource } from '@tspyc/compiler';

export function matchStatementsWired(): boolean {
  try {
    compileSource('match x:\n    case 1:\n        pass\n', '<probe>');
    return true;
  } catch {
    return false;
  }
}
