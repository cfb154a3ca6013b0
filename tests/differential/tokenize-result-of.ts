// What tokenize.tokenize makes of a source's bytes, in the shape the tools/oracle scripts print
// python3.11's in: every token as [type, string, start, end, line], or [exception type, str(exc)].
import { EncodingError, LineDecodeError, TokenError, TokenizeIndentationError, tokenizeBytes } from '@tspyc/compiler';

export type TokenizeResult = [number, string, [number, number], [number, number], string][] | [string, string];

export function tokenizeResultOf(src: Uint8Array): TokenizeResult {
  try {
    return tokenizeBytes(src, null).map((t): [number, string, [number, number], [number, number], string] => [t.type, t.string, t.start, t.end, t.line]);
  } catch (e) {
    // str() of each exception as tokenize raises it
    if (e instanceof TokenError) return ['TokenError', `('${e.message}', (${e.position[0]}, ${e.position[1]}))`];
    if (e instanceof TokenizeIndentationError) return ['IndentationError', `${e.message} (<tokenize>, line ${e.lineno})`];
    if (e instanceof EncodingError || e instanceof LineDecodeError) return [e.name, e.message];
    throw e;
  }
}
