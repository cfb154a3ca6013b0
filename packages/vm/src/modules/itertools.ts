// itertools, natively. CPython counterpart: Modules/itertoolsmodule.c (error texts and the
// order of results included).
import { raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { intFromNumber, intType, newInt, PyInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { repr } from '../protocols/repr.js';
import { newTuple } from '../objects/tuple.js';
import { PyModule } from '../objects/module.js';
import { PyNativeIter } from '../objects/iterators.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { PyClassMethod } from '../objects/descr.js';
import { stopIterationType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { getIter, iterNext, toArray } from '../protocols/iter.js';
import { callObject } from '../protocols/call.js';
import { isTrue } from '../protocols/truth.js';
import { binaryOp, NB_ADD, asJsIndex } from '../protocols/number.js';
import { pyEq } from '../protocols/compare.js';

/** An iterator's next-step function, with its repr when the state shows in it (count, repeat). */
type Step = () => PyObject | null;
type Make = (args: PyObject[], kw: Kwargs | null) => Step | { step: Step; repr: () => string };

/** PyNumber_Check: what count() accepts as start and step. */
function isNumber(o: PyObject): boolean {
  return ['__index__', '__int__', '__float__', '__complex__'].some((n) => o.type.lookup(n) !== undefined);
}

const stateReprs = new WeakMap<PyObject, () => string>();

function iterType(name: string, make: Make, withRepr = false): PyType {
  const t = builtinType(name);
  t.module = 'itertools';
  defMethod(t, '__new__', (a, kw) => {
    const made = make(a.slice(1), kw);
    if (typeof made === 'function') return new PyNativeIter(a[0] as PyType, made);
    const it = new PyNativeIter(a[0] as PyType, made.step);
    stateReprs.set(it, made.repr);
    return it;
  });
  if (withRepr) defMethod(t, '__repr__', (a) => newStr(stateReprs.get(a[0]!)!()));
  defMethod(t, '__iter__', (a) => a[0]!);
  defMethod(t, '__next__', (a) => {
    const v = (a[0] as PyNativeIter).step();
    if (v === null) raise(stopIterationType, null);
    return v;
  });
  return t;
}

function nonNegative(o: PyObject | undefined, name: string, what: string): number | null {
  if (o === undefined || o === None) return null;
  if (!(o instanceof PyInt)) raise(valueErrorType, `${what} for ${name}() must be None or an integer: 0 <= x <= sys.maxsize.`);
  const n = Number(o.value);
  if (n < 0) raise(valueErrorType, `${what} for ${name}() must be None or an integer: 0 <= x <= sys.maxsize.`);
  return n;
}

function combinationsOf(pool: PyObject[], r: number, withReplacement: boolean): PyObject[][] {
  const n = pool.length;
  const out: PyObject[][] = [];
  if (!withReplacement && r > n) return out;
  if (withReplacement && n === 0 && r > 0) return out;
  const idx = withReplacement ? new Array(r).fill(0) : Array.from({ length: r }, (_, i) => i);
  out.push(idx.map((i) => pool[i]!));
  for (;;) {
    let i = r - 1;
    if (withReplacement) {
      while (i >= 0 && idx[i] === n - 1) i--;
      if (i < 0) return out;
      const v = idx[i] + 1;
      for (let j = i; j < r; j++) idx[j] = v;
    } else {
      while (i >= 0 && idx[i] === i + n - r) i--;
      if (i < 0) return out;
      idx[i]++;
      for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
    }
    out.push(idx.map((k) => pool[k]!));
  }
}

function permutationsOf(pool: PyObject[], r: number): PyObject[][] {
  const n = pool.length;
  const out: PyObject[][] = [];
  if (r > n) return out;
  const indices = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  out.push(indices.slice(0, r).map((i) => pool[i]!));
  for (;;) {
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        const moved = indices.splice(i, 1)[0]!;
        indices.push(moved);
        cycles[i] = n - i;
      } else {
        const j = cycles[i]!;
        [indices[i], indices[n - j]] = [indices[n - j]!, indices[i]!];
        out.push(indices.slice(0, r).map((k) => pool[k]!));
        break;
      }
    }
    if (i < 0) return out;
  }
}

function fromArray(rows: PyObject[][]): () => PyObject | null {
  let i = 0;
  return () => (i < rows.length ? newTuple(rows[i++]!) : null);
}

export function makeItertools(): PyModule {
  const m = new PyModule('itertools');
  const d = m.dict;
  const add = (t: PyType) => d.setStr(t.name, t);

  add(
    iterType(
      'count',
      (a, kw) => {
        let cur = a[0] ?? kw?.get('start') ?? intFromNumber(0);
        const step = a[1] ?? kw?.get('step') ?? intFromNumber(1);
        if (!isNumber(cur) || !isNumber(step)) raise(typeErrorType, 'a number is required');
        const one = step instanceof PyInt && step.type === intType && step.value === 1n;
        return {
          step: () => {
            const v = cur;
            cur = binaryOp(cur, step, NB_ADD);
            return v;
          },
          repr: () => (one ? `count(${repr(cur)})` : `count(${repr(cur)}, ${repr(step)})`),
        };
      },
      true,
    ),
  );
  add(
    iterType('cycle', (a) => {
      const it = getIter(a[0]!);
      const saved: PyObject[] = [];
      let exhausted = false;
      let i = 0;
      return () => {
        if (!exhausted) {
          const v = iterNext(it);
          if (v !== null) {
            saved.push(v);
            return v;
          }
          exhausted = true;
        }
        if (saved.length === 0) return null;
        const v = saved[i]!;
        i = (i + 1) % saved.length;
        return v;
      };
    }),
  );
  add(
    iterType(
      'repeat',
      (a, kw) => {
        const obj = a[0] ?? kw?.get('object');
        if (obj === undefined) raise(typeErrorType, "repeat() missing required argument 'object' (pos 1)");
        const times = a[1] ?? kw?.get('times');
        let left = times === undefined ? Infinity : Math.max(0, asJsIndex(times));
        return {
          step: () => (left > 0 ? (left--, obj) : null),
          repr: () => (left === Infinity ? `repeat(${repr(obj)})` : `repeat(${repr(obj)}, ${left})`),
        };
      },
      true,
    ),
  );
  const chain = iterType('chain', (a) => {
    let k = 0;
    let cur: PyObject | null = null;
    return () => {
      for (;;) {
        if (cur === null) {
          if (k >= a.length) return null;
          cur = getIter(a[k++]!);
        }
        const v = iterNext(cur);
        if (v !== null) return v;
        cur = null;
      }
    };
  });
  const fromIterable = defMethod(chain, 'from_iterable', (a) => {
    const outer = getIter(a[1]!);
    let cur: PyObject | null = null;
    return new PyNativeIter(a[0] as PyType, () => {
      for (;;) {
        if (cur === null) {
          const nxt = iterNext(outer);
          if (nxt === null) return null;
          cur = getIter(nxt);
        }
        const v = iterNext(cur);
        if (v !== null) return v;
        cur = null;
      }
    });
  });
  chain.attrs.set('from_iterable', new PyClassMethod(fromIterable));
  add(chain);
  add(
    iterType('islice', (a) => {
      const it = getIter(a[0]!);
      let start = 0;
      let stop: number | null;
      let step = 1;
      if (a.length === 2) stop = nonNegative(a[1], 'islice', 'Stop argument');
      else {
        start = nonNegative(a[1], 'islice', 'Indices') ?? 0;
        stop = nonNegative(a[2], 'islice', 'Stop argument');
        if (a.length > 3 && a[3] !== None) {
          step = asJsIndex(a[3]!);
          if (step <= 0) raise(valueErrorType, 'Step for islice() must be a positive integer or None.');
        }
      }
      let pos = 0;
      let next = start;
      return () => {
        if (stop !== null && next >= stop) return null;
        while (pos < next) {
          if (iterNext(it) === null) return null;
          pos++;
        }
        const v = iterNext(it);
        if (v === null) return null;
        pos++;
        next += step;
        return v;
      };
    }),
  );
  add(
    iterType('accumulate', (a, kw) => {
      const it = getIter(a[0]!);
      const fn = a[1] ?? kw?.get('func') ?? None;
      let total: PyObject | null = kw?.get('initial') ?? null;
      if (total === None) total = null;
      let first = total !== null;
      return () => {
        if (first) {
          first = false;
          return total;
        }
        const v = iterNext(it);
        if (v === null) return null;
        total = total === null ? v : fn === None ? binaryOp(total, v, NB_ADD) : callObject(fn, [total, v], null);
        return total;
      };
    }),
  );
  add(
    iterType('product', (a, kw) => {
      const rep = kw?.get('repeat');
      const pools = a.map((p) => toArray(p));
      const n = rep === undefined ? 1 : asJsIndex(rep);
      if (n < 0) raise(valueErrorType, 'repeat argument cannot be negative');
      const all: PyObject[][] = [];
      for (let i = 0; i < n; i++) all.push(...pools);
      let rows: PyObject[][] = [[]];
      for (const pool of all) {
        const next: PyObject[][] = [];
        for (const row of rows) for (const v of pool) next.push([...row, v]);
        rows = next;
      }
      return fromArray(rows);
    }),
  );
  add(
    iterType('permutations', (a, kw) => {
      const pool = toArray(a[0]!);
      const rArg = a[1] ?? kw?.get('r');
      const r = rArg === undefined || rArg === None ? pool.length : asJsIndex(rArg);
      if (r < 0) raise(valueErrorType, 'r must be non-negative');
      return fromArray(permutationsOf(pool, r));
    }),
  );
  add(
    iterType('combinations', (a, kw) => {
      const pool = toArray(a[0]!);
      const rArg = a[1] ?? kw?.get('r');
      if (rArg === undefined) raise(typeErrorType, "combinations() missing required argument 'r' (pos 2)");
      const r = asJsIndex(rArg);
      if (r < 0) raise(valueErrorType, 'r must be non-negative');
      return fromArray(combinationsOf(pool, r, false));
    }),
  );
  add(
    iterType('combinations_with_replacement', (a, kw) => {
      const pool = toArray(a[0]!);
      const r = asJsIndex(a[1] ?? kw!.get('r')!);
      if (r < 0) raise(valueErrorType, 'r must be non-negative');
      return fromArray(combinationsOf(pool, r, true));
    }),
  );
  add(
    iterType('zip_longest', (a, kw) => {
      const fill = kw?.get('fillvalue') ?? None;
      const its: (PyObject | null)[] = a.map((x) => getIter(x));
      let active = its.length;
      return () => {
        if (active === 0) return null;
        const row: PyObject[] = [];
        for (let i = 0; i < its.length; i++) {
          const it = its[i];
          let v: PyObject | null = it === null ? null : iterNext(it!);
          if (v === null) {
            if (it !== null) {
              its[i] = null;
              active--;
              if (active === 0) return null;
            }
            v = fill;
          }
          row.push(v);
        }
        return newTuple(row);
      };
    }),
  );
  add(
    iterType('starmap', (a) => {
      const fn = a[0]!;
      const it = getIter(a[1]!);
      return () => {
        const v = iterNext(it);
        return v === null ? null : callObject(fn, toArray(v), null);
      };
    }),
  );
  add(
    iterType('takewhile', (a) => {
      const fn = a[0]!;
      const it = getIter(a[1]!);
      let done = false;
      return () => {
        if (done) return null;
        const v = iterNext(it);
        if (v === null || !isTrue(callObject(fn, [v], null))) {
          done = true;
          return null;
        }
        return v;
      };
    }),
  );
  add(
    iterType('dropwhile', (a) => {
      const fn = a[0]!;
      const it = getIter(a[1]!);
      let dropping = true;
      return () => {
        for (;;) {
          const v = iterNext(it);
          if (v === null) return null;
          if (dropping && isTrue(callObject(fn, [v], null))) continue;
          dropping = false;
          return v;
        }
      };
    }),
  );
  add(
    iterType('filterfalse', (a) => {
      const fn = a[0]!;
      const it = getIter(a[1]!);
      return () => {
        for (;;) {
          const v = iterNext(it);
          if (v === null) return null;
          if (!isTrue(fn === None ? v : callObject(fn, [v], null))) return v;
        }
      };
    }),
  );
  add(
    iterType('compress', (a) => {
      const data = getIter(a[0]!);
      const sel = getIter(a[1]!);
      return () => {
        for (;;) {
          const v = iterNext(data);
          const s = iterNext(sel);
          if (v === null || s === null) return null;
          if (isTrue(s)) return v;
        }
      };
    }),
  );
  add(
    iterType('pairwise', (a) => {
      const it = getIter(a[0]!);
      let prev: PyObject | null = null;
      let started = false;
      return () => {
        if (!started) {
          started = true;
          prev = iterNext(it);
          if (prev === null) return null;
        }
        if (prev === null) return null;
        const v = iterNext(it);
        if (v === null) {
          prev = null;
          return null;
        }
        const pair = newTuple([prev, v]);
        prev = v;
        return pair;
      };
    }),
  );
  // groupby: each group iterator is invalidated when the outer iterator advances, as in CPython
  const grouper = builtinType('_grouper', undefined, 0);
  grouper.module = 'itertools';
  defMethod(grouper, '__iter__', (a) => a[0]!);
  defMethod(grouper, '__next__', (a) => {
    const v = (a[0] as PyNativeIter).step();
    if (v === null) raise(stopIterationType, null);
    return v;
  });
  add(
    iterType('groupby', (a, kw) => {
      const it = getIter(a[0]!);
      const keyFn = a[1] ?? kw?.get('key') ?? None;
      const keyOf = (v: PyObject) => (keyFn === None ? v : callObject(keyFn, [v], null));
      let curValue: PyObject | null = null;
      let curKey: PyObject | null = null;
      let tgtKey: PyObject | null = null;
      let generation = 0;
      let exhausted = false;
      const advance = (): boolean => {
        const v = iterNext(it);
        if (v === null) {
          exhausted = true;
          return false;
        }
        curValue = v;
        curKey = keyOf(v);
        return true;
      };
      return () => {
        generation++;
        if (exhausted) return null;
        if (curKey === null) {
          if (!advance()) return null;
        } else {
          while (pyEq(curKey, tgtKey!)) {
            if (!advance()) return null;
          }
        }
        tgtKey = curKey;
        const myGen = generation;
        const key = curKey!;
        let first = true;
        let ended = false;
        const group = new PyNativeIter(grouper, () => {
          if (ended || myGen !== generation || exhausted) return null;
          if (!first && !advance()) return null;
          first = false;
          if (!pyEq(curKey!, key)) {
            ended = true;
            return null;
          }
          return curValue;
        });
        return newTuple([key, group]);
      };
    }),
  );
  d.setStr('tee', teeFunction());
  void newInt;
  return m;
}

function teeFunction(): PyObject {
  const teeType = builtinType('_tee', undefined, 0);
  teeType.module = 'itertools';
  defMethod(teeType, '__iter__', (a) => a[0]!);
  defMethod(teeType, '__next__', (a) => {
    const v = (a[0] as PyNativeIter).step();
    if (v === null) raise(stopIterationType, null);
    return v;
  });
  return builtinFunction('tee', (a) => {
    const it = getIter(a[0]!);
    const n = a[1] === undefined ? 2 : asJsIndex(a[1]);
    const buffer: PyObject[] = [];
    let base = 0;
    let done = false;
    const positions = new Array(n).fill(0);
    const out: PyObject[] = [];
    for (let k = 0; k < n; k++) {
      out.push(
        new PyNativeIter(teeType, () => {
          const pos = positions[k]!;
          if (pos - base >= buffer.length) {
            if (done) return null;
            const v = iterNext(it);
            if (v === null) {
              done = true;
              return null;
            }
            buffer.push(v);
          }
          positions[k] = pos + 1;
          return buffer[pos - base]!;
        }),
      );
    }
    return newTuple(out);
  });
}
