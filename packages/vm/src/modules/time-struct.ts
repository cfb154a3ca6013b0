// time.struct_time and what makes and formats one: gmtime, localtime (the host's time zone, as
// the JS runtime knows it), mktime, strftime and asctime in the C locale.
// CPython counterpart: Modules/timemodule.c (tmtotuple, time_strftime, _asctime).
import { raise } from '../errors.js';
import { None, PyObject, PyType } from '../objects/object.js';
import { PyFloat } from '../objects/float.js';
import { intFromNumber, PyInt } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyTuple } from '../objects/tuple.js';
import { type PyBuiltin, builtinFunction } from '../objects/native.js';
import { typeErrorType } from '../objects/exception-types.js';
import { structSeqType } from './structseq.js';

const FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let structTime: PyType | null = null;
export function structTimeType(): PyType {
  if (structTime === null) {
    structTime = structSeqType('time', 'struct_time', FIELDS.join(' '));
  }
  return structTime;
}

/** the broken-down fields of `date` (UTC or local) */
function fieldsOf(date: Date, utc: boolean): number[] {
  const g = (local: () => number, u: () => number) => (utc ? u() : local());
  const y = g(() => date.getFullYear(), () => date.getUTCFullYear());
  const mo = g(() => date.getMonth(), () => date.getUTCMonth());
  const d = g(() => date.getDate(), () => date.getUTCDate());
  const wday = (g(() => date.getDay(), () => date.getUTCDay()) + 6) % 7;
  const yday = Math.round((Date.UTC(y, mo, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
  let isdst = 0;
  if (!utc) {
    const jan = new Date(y, 0, 1).getTimezoneOffset();
    const jul = new Date(y, 6, 1).getTimezoneOffset();
    isdst = jan !== jul && date.getTimezoneOffset() === Math.min(jan, jul) ? 1 : 0;
  }
  return [y, mo + 1, d, g(() => date.getHours(), () => date.getUTCHours()), g(() => date.getMinutes(), () => date.getUTCMinutes()), g(() => date.getSeconds(), () => date.getUTCSeconds()), wday, yday, isdst];
}

function secondsArg(o: PyObject | undefined): number {
  if (o === undefined || o === None) return Date.now() / 1000;
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return Number(o.value);
  raise(typeErrorType, `'${o.type.name}' object cannot be interpreted as an integer`);
}

function makeStruct(secs: number, utc: boolean): PyObject {
  return new PyTuple(fieldsOf(new Date(Math.floor(secs) * 1000), utc).map(intFromNumber), structTimeType());
}

function tupleFields(o: PyObject | undefined): number[] {
  if (o === undefined || o === None) return fieldsOf(new Date(), false);
  if (!(o instanceof PyTuple) || o.items.length !== 9) raise(typeErrorType, 'Tuple or struct_time argument required');
  return o.items.map((x) => Number((x as PyInt).value));
}

const pad = (n: number, w = 2, c = '0') => String(n).padStart(w, c);

/** strftime in the C locale */
function strftime(fmt: string, f: number[]): string {
  const [y, mo, d, h, mi, s, wday, yday] = f as [number, number, number, number, number, number, number, number];
  const local = new Date(y, mo - 1, d, h, mi, s);
  const off = -local.getTimezoneOffset();
  return fmt.replace(/%([a-zA-Z%])/g, (all, c: string) => {
    switch (c) {
      case 'a': return DAYS[wday]!.slice(0, 3);
      case 'A': return DAYS[wday]!;
      case 'b': case 'h': return MONTHS[mo - 1]!.slice(0, 3);
      case 'B': return MONTHS[mo - 1]!;
      case 'c': return `${DAYS[wday]!.slice(0, 3)} ${MONTHS[mo - 1]!.slice(0, 3)} ${pad(d, 2, ' ')} ${pad(h)}:${pad(mi)}:${pad(s)} ${y}`;
      case 'd': return pad(d);
      case 'e': return pad(d, 2, ' ');
      case 'H': return pad(h);
      case 'I': return pad(h % 12 === 0 ? 12 : h % 12);
      case 'j': return pad(yday, 3);
      case 'm': return pad(mo);
      case 'M': return pad(mi);
      case 'p': return h < 12 ? 'AM' : 'PM';
      case 'S': return pad(s);
      case 'w': return String((wday + 1) % 7);
      case 'x': return `${pad(mo)}/${pad(d)}/${pad(y % 100)}`;
      case 'X': return `${pad(h)}:${pad(mi)}:${pad(s)}`;
      case 'y': return pad(y % 100);
      case 'Y': return String(y);
      case 'z': return `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
      case '%': return '%';
      default: return all;
    }
  });
}

export function timeStructFunctions(): PyBuiltin[] {
  return [
    builtinFunction('gmtime', (a) => makeStruct(secondsArg(a[0]), true)),
    builtinFunction('localtime', (a) => makeStruct(secondsArg(a[0]), false)),
    builtinFunction('mktime', (a) => {
      const [y, mo, d, h, mi, s] = tupleFields(a[0]) as [number, number, number, number, number, number];
      return new PyFloat(new Date(y, mo - 1, d, h, mi, s).getTime() / 1000);
    }),
    builtinFunction('strftime', (a) => {
      if (!(a[0] instanceof PyStr)) raise(typeErrorType, `strftime() argument 1 must be str, not ${a[0]?.type.name ?? 'NoneType'}`);
      return newStr(strftime(a[0].value, tupleFields(a[1])));
    }),
    builtinFunction('asctime', (a) => newStr(strftime('%c', tupleFields(a[0])))),
    builtinFunction('ctime', (a) => newStr(strftime('%c', fieldsOf(new Date(Math.floor(secondsArg(a[0])) * 1000), false)))),
  ];
}
