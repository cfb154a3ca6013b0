// Where python3.11 gives up on too-deep trees: for each shape (a Python lambda n -> source), the
// largest n that `call` (a Python statement compiling `src`, e.g. `compile(src, "<probe>", "exec")`)
// accepts without RecursionError, found by bisection, with sys.getrecursionlimit() and the Python
// frame depth at which `call` ran (3.11's compiler stages start counting at 3 x that depth).
import { runPython } from './oracles.js';

export interface RecursionProbe {
  limit: number;
  depth: number;
  max: Record<string, number>;
}

export function deepestAccepted(imports: string, call: string, shapes: Record<string, string>): RecursionProbe {
  const probe = [
    `import json, sys, ${imports}`,
    'def frames():',
    '    f, n = sys._getframe(1), 0',
    '    while f: n, f = n + 1, f.f_back',
    '    return n',
    `shapes = {${Object.entries(shapes).map(([name, shape]) => `${JSON.stringify(name)}: ${shape}`).join(', ')}}`,
    'def ok(src):',
    '    global depth',
    '    depth = frames()',
    '    try:',
    `        ${call}`,
    '        return True',
    '    except RecursionError:',
    '        return False',
    'out = {}',
    'for name, shape in shapes.items():',
    '    lo, hi = 1, 4000',
    '    while lo < hi:',
    '        mid = (lo + hi + 1) // 2',
    '        lo, hi = (mid, hi) if ok(shape(mid)) else (lo, mid - 1)',
    '    out[name] = lo',
    'print(json.dumps({"limit": sys.getrecursionlimit(), "depth": depth, "max": out}))',
  ].join('\n');
  const r = runPython('3.11', ['-c', probe]);
  if (r.status !== 0) throw new Error(`recursion probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as RecursionProbe;
}
