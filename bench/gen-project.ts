// A generated project for the loader benchmarks: a package of N modules, each a few dozen lines of
// ordinary code (a class, functions, a comprehension, constants) importing two earlier modules, and
// a main.py that imports them all and prints a digest.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Module `i`'s source. `extra` more blocks (a class and three functions each, 40 lines) make it
 * bigger: 4 of them bring a module to about 200 lines, the median size of the 3.11 stdlib's modules.
 */
export function moduleSource(i: number, edit = 0, extra = 0): string {
  const deps = i === 0 ? '' : `from . import m${Math.floor(i / 2)}, m${i - 1}\n`;
  const uses = i === 0 ? '0' : `m${Math.floor(i / 2)}.VALUE + m${i - 1}.VALUE`;
  return `${deps}"""Module ${i} of the generated benchmark project."""
${Array.from({ length: extra }, (_, k) => extraBlock(i, k)).join('')}
TABLE = {${Array.from({ length: 8 }, (_, k) => `'k${k}': ${k * i + edit}`).join(', ')}}


class Shape${i}:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def scaled(self, k):
        return Shape${i}(self.w * k, self.h * k)

    def __repr__(self):
        return f'Shape${i}({self.w}, {self.h})'


def total(values):
    acc = 0
    for v in values:
        if v % 2:
            acc += v * 3
        else:
            acc -= v // 2
    return acc


def squares(n):
    return [x * x for x in range(n) if x % 3 != 1]


def describe(key='k1'):
    try:
        return f'{key}={TABLE[key]}'
    except KeyError as e:
        return f'missing {e}'


VALUE = (total(squares(${(i % 7) + 5})) + ${uses}) % 1000003
`;
}

/** One more block of ordinary code for a bigger module (distinct names per module and block). */
function extraBlock(i: number, k: number): string {
  const n = `${i}_${k}`;
  return `

class Record${n}:
    """A record with a few fields and methods."""

    def __init__(self, name, values=()):
        self.name = name
        self.values = list(values)

    def add(self, value):
        if value in self.values:
            raise ValueError(f'duplicate {value!r}')
        self.values.append(value)
        return self

    def summary(self):
        total = sum(v for v in self.values if isinstance(v, int))
        return {'name': self.name, 'count': len(self.values), 'total': total}


def parse_${n}(text, sep=','):
    fields = [f.strip() for f in text.split(sep)]
    return {k: v for k, v in (f.partition('=')[::2] for f in fields) if k}


def window_${n}(items, size=3):
    out = []
    for start in range(0, max(len(items) - size + 1, 0)):
        chunk = items[start:start + size]
        out.append(sum(chunk) / size)
    return out


async def fetch_${n}(source, retries=2):
    for attempt in range(retries + 1):
        try:
            return await source(attempt)
        except ConnectionError:
            continue
    return None
`;
}

/** Writes the project under `dir` (each module with `extra` more blocks); returns main.py's path. */
export function generateProject(dir: string, modules: number, extra = 0): string {
  mkdirSync(join(dir, 'proj'), { recursive: true });
  writeFileSync(join(dir, 'proj', '__init__.py'), '');
  for (let i = 0; i < modules; i++) writeFileSync(join(dir, 'proj', `m${i}.py`), moduleSource(i, 0, extra));
  const main = join(dir, 'main.py');
  writeFileSync(main, `from proj import ${Array.from({ length: modules }, (_, i) => `m${i}`).join(', ')}\nprint(${modules}, m${modules - 1}.VALUE, m0.Shape0(2, 3).scaled(2).area())\n`);
  return main;
}
