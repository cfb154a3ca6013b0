// -x REGEXP is a Python `re` pattern searched in each path. Most patterns mean the same to
// JavaScript; these spellings differ: (?P<name>…), (?P=name), \A, \Z, and leading inline flags.
// Returns null when JavaScript cannot compile the result.
export function pythonRegex(pattern: string): { source: string; flags: string } | null {
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    if (/[Lx]/.test(inline[1]!)) return null; // locale and verbose patterns have no JavaScript form
    flags = [...new Set(inline[1]!.replace(/[au]/g, ''))].join('');
    source = source.slice(inline[0].length);
  }
  source = source
    .replace(/(?<!\\)((?:\\\\)*)\(\?P</g, '$1(?<')
    .replace(/(?<!\\)((?:\\\\)*)\(\?P=(\w+)\)/g, '$1\\k<$2>')
    .replace(/(?<!\\)((?:\\\\)*)\\A/g, '$1(?<![\\s\\S])')
    .replace(/(?<!\\)((?:\\\\)*)\\Z/g, '$1(?![\\s\\S])');
  for (const f of [flags + 'u', flags]) {
    try {
      new RegExp(source, f);
      return { source, flags: f };
    } catch {
      /* try without the unicode flag: it rejects some escapes Python allows */
    }
  }
  return null;
}
