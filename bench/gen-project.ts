// A generated project for the loader benchmarks: a package of N modules, each a few dozen lines of
// ordinary code (a class, functions, a comprehension, constants) importing two earlier modules, and
// a main.py that imports them all and prints a digest.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function moduleSource(i: number, edit = 0): string {
  const deps = i === 0 ? '' : `from . import m${Math.floor(i / 2)}, m${i - 1}\n`;
  const uses = i === 0 ? '0' : `m${Math.floor(i / 2)}.VALUE + m${i - 1}.VALUE`;
  return `${deps}"""Module ${i} of the generated benchmark project."""

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

/** Writes the project under `dir`; returns main.py's path. */
export function generateProject(dir: string, modules: number): string {
  mkdirSync(join(dir, 'proj'), { recursive: true });
  writeFileSync(join(dir, 'proj', '__init__.py'), '');
  for (let i = 0; i < modules; i++) writeFileSync(join(dir, 'proj', `m${i}.py`), moduleSource(i));
  const main = join(dir, 'main.py');
  writeFileSync(main, `from proj import ${Array.from({ length: modules }, (_, i) => `m${i}`).join(', ')}\nprint(${modules}, m${modules - 1}.VALUE, m0.Shape0(2, 3).scaled(2).area())\n`);
  return main;
}
