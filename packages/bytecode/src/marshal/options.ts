// The marshal settings that belong to a Target.
import type { CodeLayout } from '../code-object.js';
import type { Target } from '../target.js';

/** Read/write options for the pycs of `target`: its code layout and marshal version. */
export function marshalOptionsFor(target: Target): { layout: CodeLayout; version: number } {
  return { layout: target.codeLayout, version: target.marshalVersion };
}
