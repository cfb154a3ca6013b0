// The _csv module Lib/csv.py wraps: Dialect (with its checks and texts), reader (the parser's state
// machine, field size limit, QUOTE_NONNUMERIC floats, strict mode), writer (quoting and escaping as
// the C writer decides them) and the dialect registry. CPython counterpart: Modules/_csv.c (3.11).
import { PyError, raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { intFromNumber, PyInt, pyBool } from '../objects/int.js';
import { floatType, PyFloat } from '../objects/float.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { defGetSet } from '../objects/descr.js';
import { exceptionType, stopIterationType, typeErrorType } from '../objects/exception-types.js';
import { typeNew } from '../objects/type.js';
import { callObject } from '../protocols/call.js';
import { getAttrOpt } from '../protocols/getattr.js';
import { getIter, iterNext } from '../protocols/iter.js';
import { str } from '../protocols/repr.js';
import { isTrue } from '../protocols/truth.js';
import { defIteratorMethods } from '../objects/iterator-methods.js';

const QUOTE_MINIMAL = 0;
const QUOTE_ALL = 1;
const QUOTE_NONNUMERIC = 2;
const QUOTE_NONE = 3;
/** a dialect character that is not set (quotechar or escapechar None) */
const NOT_SET = -1;
const EOL = -2;

let errorType: PyType | null = null;
function fail(msg: string): never {
  raise(errorType!, msg);
}

const dialectType = builtinType('Dialect', undefined, 0);
const readerType = builtinType('reader', undefined, 0);
const writerType = builtinType('writer', undefined, 0);
for (const t of [dialectType, readerType, writerType]) {
  t.module = '_csv';
  t.tpName = `_csv.${t.name}`;
}

class PyDialect extends PyObject {
  delimiter = 0x2c;
  quotechar: number = 0x22;
  escapechar: number = NOT_SET;
  lineterminator = '\r\n';
  quoting = QUOTE_MINIMAL;
  doublequote = true;
  skipinitialspace = false;
  strict = false;
  constructor() {
    super(dialectType);
  }
}

const ATTRS = ['delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting', 'skipinitialspace', 'strict'];

/** _set_char: a 1-character str (or None where `allowNone`). */
function charAttr(name: string, v: PyObject, allowNone: boolean): number {
  if (v === None && allowNone) return NOT_SET;
  if (!(v instanceof PyStr)) raise(typeErrorType, `"${name}" must be string, not ${v.type.name}`);
  if (v.length !== 1) raise(typeErrorType, `"${name}" must be a 1-character string`);
  return v.value.codePointAt(0)!;
}

/** dialect_new: from a registered name, a Dialect, an object with the attributes, and keywords. */
function makeDialect(dialect: PyObject | undefined, kw: Kwargs | null): PyDialect {
  for (const k of kw?.keys() ?? []) if (!ATTRS.includes(k)) raise(typeErrorType, `'${k}' is an invalid keyword argument for this function`);
  if (dialect instanceof PyStr) dialect = getDialect(dialect);
  if (dialect instanceof PyDialect && (kw === null || kw.size === 0)) return dialect;
  const d = new PyDialect();
  const get = (name: string): PyObject | undefined => kw?.get(name) ?? (dialect !== undefined && dialect !== None ? getAttrOpt(dialect, name) : undefined);
  const delimiter = get('delimiter');
  const doublequote = get('doublequote');
  const escapechar = get('escapechar');
  const lineterminator = get('lineterminator');
  const quotechar = get('quotechar');
  const quoting = get('quoting');
  const skipinitialspace = get('skipinitialspace');
  const strict = get('strict');
  if (delimiter !== undefined) d.delimiter = charAttr('delimiter', delimiter, false);
  if (doublequote !== undefined) d.doublequote = isTrue(doublequote);
  if (escapechar !== undefined) d.escapechar = charAttr('escapechar', escapechar, true);
  if (lineterminator !== undefined) {
    if (lineterminator === None) raise(typeErrorType, 'lineterminator must be set');
    if (!(lineterminator instanceof PyStr)) raise(typeErrorType, '"lineterminator" must be a string');
    d.lineterminator = lineterminator.value;
  }
  if (quoting !== undefined) {
    if (!(quoting instanceof PyInt)) raise(typeErrorType, '"quoting" must be an integer');
    const q = Number(quoting.value);
    if (q < QUOTE_MINIMAL || q > QUOTE_NONE) raise(typeErrorType, 'bad "quoting" value');
    d.quoting = q;
  }
  if (quotechar !== undefined) {
    d.quotechar = charAttr('quotechar', quotechar, true);
    if (quotechar === None && quoting === undefined) d.quoting = QUOTE_NONE;
  }
  if (skipinitialspace !== undefined) d.skipinitialspace = isTrue(skipinitialspace);
  if (strict !== undefined) d.strict = isTrue(strict);
  if (d.quoting !== QUOTE_NONE && d.quotechar === NOT_SET) raise(typeErrorType, 'quotechar must be set if quoting enabled');
  return d;
}

const dialects = new PyDict();
let fieldLimit = 128 * 1024;

function getDialect(name: PyObject): PyDialect {
  const d = dialects.get(name);
  if (!(d instanceof PyDialect)) fail('unknown dialect');
  return d;
}

const charStr = (c: number) => (c === NOT_SET ? None : newStr(String.fromCodePoint(c)));

function initDialect(): void {
  const t = dialectType;
  defMethod(t, '__new__', (a, kw) => {
    if (a.length > 2) raise(typeErrorType, `Dialect() takes at most 1 positional argument (${a.length - 1} given)`);
    return makeDialect(a[1] ?? kw?.get('dialect'), kw === null ? null : new Map([...kw].filter(([k]) => k !== 'dialect')));
  });
  const d = (o: PyObject) => o as PyDialect;
  defGetSet(t, 'delimiter', (o) => charStr(d(o).delimiter));
  defGetSet(t, 'quotechar', (o) => charStr(d(o).quotechar));
  defGetSet(t, 'escapechar', (o) => charStr(d(o).escapechar));
  defGetSet(t, 'lineterminator', (o) => newStr(d(o).lineterminator));
  defGetSet(t, 'quoting', (o) => intFromNumber(d(o).quoting));
  defGetSet(t, 'doublequote', (o) => pyBool(d(o).doublequote));
  defGetSet(t, 'skipinitialspace', (o) => pyBool(d(o).skipinitialspace));
  defGetSet(t, 'strict', (o) => pyBool(d(o).strict));
}

// ---- reader ----

const enum State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl,
}

class PyReader extends PyObject {
  state = State.StartRecord;
  fields: PyObject[] = [];
  field: number[] = [];
  numericField = false;
  lineNum = 0;
  constructor(
    readonly input: PyObject,
    readonly dialect: PyDialect,
  ) {
    super(readerType);
  }

  saveField(): void {
    const text = String.fromCodePoint(...this.field);
    this.field = [];
    if (this.numericField) {
      this.numericField = false;
      this.fields.push(callObject(floatType, [newStr(text)], null));
    } else {
      this.fields.push(newStr(text));
    }
  }

  addChar(c: number): void {
    if (this.field.length >= fieldLimit) fail(`field larger than field limit (${fieldLimit})`);
    this.field.push(c);
  }

  /** parse_process_char (a state that hands the character on to another loops round) */
  process(c: number): void {
    const d = this.dialect;
    const nl = c === 0x0a || c === 0x0d;
    for (;;) {
      switch (this.state) {
        case State.StartRecord:
          if (c === EOL) return;
          if (nl) {
            this.state = State.EatCrnl;
            return;
          }
          this.state = State.StartField;
          continue;
        case State.StartField:
          if (nl || c === EOL) {
            this.saveField();
            this.state = c === EOL ? State.StartRecord : State.EatCrnl;
          } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
            this.state = State.InQuotedField;
          } else if (c === d.escapechar) {
            this.state = State.EscapedChar;
          } else if (c === 0x20 && d.skipinitialspace) {
            // spaces at the start of a field are skipped
          } else if (c === d.delimiter) {
            this.saveField();
          } else {
            if (d.quoting === QUOTE_NONNUMERIC) this.numericField = true;
            this.addChar(c);
            this.state = State.InField;
          }
          return;
        case State.EscapedChar:
          if (nl) {
            this.addChar(c);
            this.state = State.AfterEscapedCrnl;
            return;
          }
          this.addChar(c === EOL ? 0x0a : c);
          this.state = State.InField;
          return;
        case State.AfterEscapedCrnl:
          if (c === EOL) return;
          this.state = State.InField;
          continue;
        case State.InField:
          if (nl || c === EOL) {
            this.saveField();
            this.state = c === EOL ? State.StartRecord : State.EatCrnl;
          } else if (c === d.escapechar) {
            this.state = State.EscapedChar;
          } else if (c === d.delimiter) {
            this.saveField();
            this.state = State.StartField;
          } else {
            this.addChar(c);
          }
          return;
        case State.InQuotedField:
          if (c === EOL) {
            // a quoted field goes on into the next line
          } else if (c === d.escapechar) {
            this.state = State.EscapeInQuotedField;
          } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
            this.state = d.doublequote ? State.QuoteInQuotedField : State.InField;
          } else {
            this.addChar(c);
          }
          return;
        case State.EscapeInQuotedField:
          this.addChar(c === EOL ? 0x0a : c);
          this.state = State.InQuotedField;
          return;
        case State.QuoteInQuotedField:
          if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
            this.addChar(c);
            this.state = State.InQuotedField;
          } else if (c === d.delimiter) {
            this.saveField();
            this.state = State.StartField;
          } else if (nl || c === EOL) {
            this.saveField();
            this.state = c === EOL ? State.StartRecord : State.EatCrnl;
          } else if (!d.strict) {
            this.addChar(c);
            this.state = State.InField;
          } else {
            fail(`'${String.fromCodePoint(d.delimiter)}' expected after '${String.fromCodePoint(d.quotechar)}'`);
          }
          return;
        case State.EatCrnl:
          if (c === EOL) this.state = State.StartRecord;
          else if (!nl) fail("new-line character seen in unquoted field - do you need to open the file with newline=''?");
          return;
      }
    }
  }

  /** Reader_iternext: the next record, or null at the end of the input. */
  next(): PyObject | null {
    this.fields = [];
    this.field = [];
    this.state = State.StartRecord;
    this.numericField = false;
    do {
      const line = iterNext(this.input);
      if (line === null) {
        if (this.field.length !== 0 || (this.state as State) === State.InQuotedField) {
          if (this.dialect.strict) fail('unexpected end of data');
          this.saveField();
          break;
        }
        return null;
      }
      if (!(line instanceof PyStr)) fail(`iterator should return strings, not ${line.type.name} (the file should be opened in text mode)`);
      this.lineNum++;
      for (const ch of line.value) this.process(ch.codePointAt(0)!);
      this.process(EOL);
    } while (this.state !== State.StartRecord);
    return new PyList(this.fields);
  }
}


function initReader(): void {
  defIteratorMethods(readerType);
  defMethod(readerType, '__next__', (a) => {
    const r = (a[0] as PyReader).next();
    if (r === null) raise(stopIterationType, null);
    return r;
  });
  defGetSet(readerType, 'dialect', (o) => (o as PyReader).dialect);
  defGetSet(readerType, 'line_num', (o) => intFromNumber((o as PyReader).lineNum));
}

// ---- writer ----

class PyWriter extends PyObject {
  constructor(
    readonly write: PyObject,
    readonly dialect: PyDialect,
  ) {
    super(writerType);
  }

  /** join_append_data: one field, quoted and escaped as the dialect asks. */
  appendField(out: string[], field: string | null, quoted: boolean, first: boolean): void {
    const d = this.dialect;
    const parts: string[] = [];
    if (!first) parts.push(String.fromCodePoint(d.delimiter));
    const body: string[] = [];
    for (const ch of field ?? '') {
      const c = ch.codePointAt(0)!;
      let wantEscape = false;
      if (c === d.delimiter || c === d.escapechar || c === d.quotechar || d.lineterminator.includes(ch)) {
        if (d.quoting === QUOTE_NONE) wantEscape = true;
        else {
          if (c === d.quotechar) {
            if (d.doublequote) body.push(ch);
            else wantEscape = true;
          } else if (c === d.escapechar) wantEscape = true;
          if (!wantEscape) quoted = true;
        }
        if (wantEscape) {
          if (d.escapechar === NOT_SET) fail('need to escape, but no escapechar set');
          body.push(String.fromCodePoint(d.escapechar));
        }
      }
      body.push(ch);
    }
    if (quoted) {
      const q = String.fromCodePoint(d.quotechar);
      parts.push(q, ...body, q);
    } else parts.push(...body);
    out.push(parts.join(''));
  }

  writerow(row: PyObject): PyObject {
    const d = this.dialect;
    let it: PyObject;
    try {
      it = getIter(row);
    } catch (e) {
      if (e instanceof PyError && e.exc.type.isSubtype(typeErrorType)) fail(`iterable expected, not ${row.type.name}`);
      throw e;
    }
    const out: string[] = [];
    let n = 0;
    for (let field = iterNext(it); field !== null; field = iterNext(it)) {
      const quoted = d.quoting === QUOTE_NONNUMERIC ? !isNumber(field) : d.quoting === QUOTE_ALL;
      const text = field instanceof PyStr ? field.value : field === None ? null : str(field);
      this.appendField(out, text, quoted, n === 0);
      n++;
    }
    let line = out.join('');
    if (n > 0 && line === '') {
      // a record of one empty field is written as ""
      if (d.quoting === QUOTE_NONE) fail('single empty field record must be quoted');
      const q = String.fromCodePoint(d.quotechar);
      line = q + q;
    }
    return callObject(this.write, [newStr(line + d.lineterminator)], null);
  }
}

/** PyNumber_Check: ints, floats, complex and whatever has __index__, __int__ or __float__ */
function isNumber(o: PyObject): boolean {
  if (o instanceof PyInt || o instanceof PyFloat) return true;
  return o.type.lookup('__index__') !== undefined || o.type.lookup('__int__') !== undefined || o.type.lookup('__float__') !== undefined || o.type.name === 'complex';
}

function initWriter(): void {
  defMethod(writerType, 'writerow', (a) => (a[0] as PyWriter).writerow(a[1] ?? None));
  defMethod(writerType, 'writerows', (a) => {
    const w = a[0] as PyWriter;
    const it = getIter(a[1] ?? None);
    for (let row = iterNext(it); row !== null; row = iterNext(it)) w.writerow(row);
    return None;
  });
  defGetSet(writerType, 'dialect', (o) => (o as PyWriter).dialect);
}

function splitDialectArgs(name: string, a: PyObject[], kw: Kwargs | null): [PyObject, PyDialect] {
  if (a.length < 1) raise(typeErrorType, `expected at least 1 argument, got 0`);
  if (a.length > 2) raise(typeErrorType, `${name}() takes at most 2 positional arguments (${a.length} given)`);
  const rest = kw === null ? null : new Map([...kw].filter(([k]) => k !== 'dialect'));
  const dialect = a[1] ?? kw?.get('dialect');
  return [a[0]!, makeDialect(dialect, rest)];
}

let initialised = false;

export function makeCsvC(): PyModule {
  if (!initialised) {
    initialised = true;
    const ns = new PyDict();
    ns.setStr('__module__', newStr('_csv'));
    errorType = typeNew(exceptionType.type, 'Error', [exceptionType], ns, null);
    initDialect();
    initReader();
    initWriter();
  }
  const m = new PyModule('_csv');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  for (const [k, v] of [['QUOTE_MINIMAL', QUOTE_MINIMAL], ['QUOTE_ALL', QUOTE_ALL], ['QUOTE_NONNUMERIC', QUOTE_NONNUMERIC], ['QUOTE_NONE', QUOTE_NONE]] as const) d.setStr(k, intFromNumber(v));
  d.setStr('__version__', newStr('1.0'));
  d.setStr('Error', errorType!);
  d.setStr('Dialect', dialectType);
  d.setStr('Reader', readerType);
  d.setStr('Writer', writerType);
  d.setStr('_dialects', dialects);
  def('reader', (a, kw) => {
    const [input, dialect] = splitDialectArgs('reader', a, kw);
    return new PyReader(getIter(input), dialect);
  });
  def('writer', (a, kw) => {
    const [file, dialect] = splitDialectArgs('writer', a, kw);
    const write = getAttrOpt(file, 'write');
    if (write === undefined) raise(typeErrorType, 'argument 1 must have a "write" method');
    return new PyWriter(write, dialect);
  });
  def('register_dialect', (a, kw) => {
    const name = a[0];
    if (!(name instanceof PyStr)) raise(typeErrorType, 'dialect name must be a string');
    dialects.set(name, makeDialect(a[1], kw));
    return None;
  });
  def('unregister_dialect', (a) => {
    if (dialects.get(a[0] ?? None) === undefined) fail('unknown dialect');
    dialects.delete(a[0]!);
    return None;
  });
  def('get_dialect', (a) => getDialect(a[0] ?? None));
  def('list_dialects', () => new PyList(dialects.keyList()));
  def('field_size_limit', (a, kw) => {
    const old = fieldLimit;
    const limit = a[0] ?? kw?.get('new_limit');
    if (limit !== undefined) {
      if (!(limit instanceof PyInt)) raise(typeErrorType, 'limit must be an integer');
      fieldLimit = Number(limit.value);
    }
    return intFromNumber(old);
  });
  return m;
}
