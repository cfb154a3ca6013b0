// The marshal settings that belong to a Target.
import type { Target } from '../target.js';
import type { ReadOptions } from './reader.js';

/** Read/write options for the pycs of `target` (code layout and marshal version). */
export function marshalOptionsFor(target: Target): Required<ReadOptions> {
  return { layout: target.codeLayout, version: target.marshalVersion };
}
