// The _socket module without a network: Linux's constants, the error classes, the byte-order and
// address-text helpers (which need no network), socketpair (connected in memory: socket-pair.ts),
// and a socket type whose other creations are an OSError, so that socket.py — and email, http.client, urllib, logging.handlers, asyncio above it — import.
// CPython counterpart: Modules/socketmodule.c.
import { osError } from '../modules/host-files.js';
import { PyError, raise } from '../errors.js';
import { builtinType, None, PyObject, PyType } from '../objects/object.js';
import { PyFloat } from '../objects/float.js';
import { newTuple } from '../objects/tuple.js';
import { defGetSet } from '../objects/descr.js';
import { isTrue } from '../protocols/truth.js';
import { closeEndpoint, endpointOf, makePair, type Endpoint } from './socket-pair.js';
import { False, intFromNumber, PyInt, pyBool, True } from '../objects/int.js';
import { newStr, PyStr } from '../objects/str.js';
import { PyBytes, bytesLike } from '../objects/bytes.js';
import { PyDict } from '../objects/dict.js';
import { PyModule } from '../objects/module.js';
import { builtinFunction, defMethod, type Kwargs } from '../objects/native.js';
import { osErrorType, overflowErrorType, typeErrorType, valueErrorType } from '../objects/exception-types.js';
import { sysModules } from './registry.js';
import { typeNew } from '../objects/type.js';
import { callObject } from '../protocols/call.js';
import { asFloatOperand, asIndex } from '../protocols/number.js';

/** Linux x86-64 values, a subset: the families, kinds, flags and options programs name. */
const CONSTANTS: Readonly<Record<string, number>> = {
  AF_UNSPEC: 0, AF_UNIX: 1, AF_INET: 2, AF_INET6: 10, AF_NETLINK: 16, AF_PACKET: 17,
  SOCK_STREAM: 1, SOCK_DGRAM: 2, SOCK_RAW: 3, SOCK_RDM: 4, SOCK_SEQPACKET: 5, SOCK_NONBLOCK: 2048, SOCK_CLOEXEC: 524288,
  MSG_OOB: 1, MSG_PEEK: 2, MSG_DONTROUTE: 4, MSG_CTRUNC: 8, MSG_TRUNC: 32, MSG_DONTWAIT: 64, MSG_EOR: 128, MSG_WAITALL: 256,
  MSG_NOSIGNAL: 16384,
  AI_PASSIVE: 1, AI_CANONNAME: 2, AI_NUMERICHOST: 4, AI_V4MAPPED: 8, AI_ALL: 16, AI_ADDRCONFIG: 32, AI_NUMERICSERV: 1024,
  NI_NUMERICHOST: 1, NI_NUMERICSERV: 2, NI_NOFQDN: 4, NI_NAMEREQD: 8, NI_DGRAM: 16, NI_MAXHOST: 1025, NI_MAXSERV: 32,
  EAI_BADFLAGS: -1, EAI_NONAME: -2, EAI_AGAIN: -3, EAI_FAIL: -4, EAI_NODATA: -5, EAI_FAMILY: -6, EAI_SOCKTYPE: -7,
  EAI_SERVICE: -8, EAI_ADDRFAMILY: -9, EAI_MEMORY: -10, EAI_SYSTEM: -11, EAI_OVERFLOW: -12,
  SOL_IP: 0, SOL_SOCKET: 1, SOL_TCP: 6, SOL_UDP: 17, SOMAXCONN: 4096,
  SO_DEBUG: 1, SO_REUSEADDR: 2, SO_TYPE: 3, SO_ERROR: 4, SO_DONTROUTE: 5, SO_BROADCAST: 6, SO_SNDBUF: 7, SO_RCVBUF: 8,
  SO_KEEPALIVE: 9, SO_OOBINLINE: 10, SO_LINGER: 13, SO_REUSEPORT: 15, SO_RCVLOWAT: 18, SO_SNDLOWAT: 19, SO_RCVTIMEO: 20,
  SO_SNDTIMEO: 21, SO_ACCEPTCONN: 30,
  IPPROTO_IP: 0, IPPROTO_ICMP: 1, IPPROTO_TCP: 6, IPPROTO_UDP: 17, IPPROTO_IPV6: 41, IPPROTO_RAW: 255,
  TCP_NODELAY: 1, TCP_KEEPIDLE: 4, TCP_KEEPINTVL: 5, TCP_KEEPCNT: 6, IPV6_V6ONLY: 26,
  SHUT_RD: 0, SHUT_WR: 1, SHUT_RDWR: 2,
  INADDR_ANY: 0, INADDR_LOOPBACK: 2130706433, INADDR_BROADCAST: 4294967295, INADDR_NONE: 4294967295,
};

const ENOSYS = 38;

function noNetwork(what: string): never {
  throw osError(ENOSYS, `Function not implemented (tspyc has no network: ${what})`);
}

function exceptionClass(name: string, base: PyType): PyType {
  const ns = new PyDict();
  ns.setStr('__module__', newStr('socket'));
  return typeNew(base.type, name, [base], ns, null);
}

/** A 16- or 32-bit unsigned argument of the byte-order functions. */
function unsigned(o: PyObject | undefined, bits: 16 | 32, fname: string): number {
  if (!(o instanceof PyInt)) raise(typeErrorType, `${fname}: expected int, ${o?.type.name ?? 'NoneType'} found`);
  const v = asIndex(o);
  if (v < 0n) raise(overflowErrorType, `${fname}: can't convert negative Python int to C ${bits === 16 ? '16-bit unsigned integer' : 'unsigned long'}`);
  if (v >= 1n << BigInt(bits)) raise(overflowErrorType, `${fname}: Python int too large to convert to C ${bits === 16 ? '16-bit unsigned integer' : 'unsigned long'}`);
  return Number(v);
}

const swap16 = (v: number) => ((v & 0xff) << 8) | (v >> 8);
const swap32 = (v: number) => (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;

/** inet_aton's forms: a, a.b, a.b.c, a.b.c.d, each part decimal, octal (0...) or hex (0x...). */
function inetAton(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    const m = /^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$/.exec(p);
    if (m === null) return null;
    const v = p.startsWith('0x') || p.startsWith('0X') ? parseInt(p.slice(2) || '0', 16) : p.startsWith('0') ? parseInt(p, 8) : parseInt(p, 10);
    nums.push(v);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return null;
  let v = last;
  nums.forEach((n, i) => (v += n * 2 ** (8 * (3 - i))));
  return Uint8Array.of(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
}

const EAGAIN = 11;
const EBADF = 9;

/** A socket object: one end of a socketpair, or not yet attached (a network socket, refused). */
class PySocket extends PyObject {
  blocking = true;
  timeout: PyObject = None;
  constructor(
    type: PyType,
    public end: Endpoint | null,
    public family = 1,
    public kind = 1,
    public proto = 0,
  ) {
    super(type);
  }
}

function asJsInt(o: PyObject): number {
  return Number(BigInt.asIntN(32, asIndex(o)));
}

function oserror(errno: number, text: string): never {
  throw osError(errno, text);
}

function initSocketType(): PyType {
  const t = builtinType('socket');
  t.module = '_socket';
  const sock = (o: PyObject) => o as PySocket;
  const open = (o: PyObject): Endpoint => {
    const e = sock(o).end;
    if (e === null || e.closed) oserror(EBADF, 'Bad file descriptor');
    return e;
  };
  defMethod(t, '__new__', (a) => new PySocket(a[0] as PyType, null));
  // socket(family=-1, type=-1, proto=-1, fileno=None): only a socketpair end can be (re)attached
  defMethod(t, '__init__', (a, kw) => {
    const s = sock(a[0]!);
    const arg = (i: number, name: string) => a[i] ?? kw?.get(name);
    const fileno = arg(4, 'fileno');
    if (fileno === undefined || fileno === None) noNetwork('socket');
    const e = endpointOf(asJsInt(fileno));
    if (e === undefined) oserror(EBADF, 'Bad file descriptor');
    s.end = e;
    const f = arg(1, 'family');
    const k = arg(2, 'type');
    const p = arg(3, 'proto');
    if (f !== undefined && asJsInt(f) !== -1) s.family = asJsInt(f);
    if (k !== undefined && asJsInt(k) !== -1) s.kind = asJsInt(k);
    if (p !== undefined && asJsInt(p) !== -1) s.proto = asJsInt(p);
    return None;
  });
  defMethod(t, 'fileno', (a) => intFromNumber(sock(a[0]!).end?.closed === false ? sock(a[0]!).end!.fd : -1));
  defMethod(t, 'detach', (a) => {
    const s = sock(a[0]!);
    const fd = s.end === null || s.end.closed ? -1 : s.end.fd;
    s.end = null;
    return intFromNumber(fd);
  });
  defMethod(t, 'close', (a) => {
    const s = sock(a[0]!);
    if (s.end !== null && !s.end.closed) closeEndpoint(s.end);
    s.end = null;
    return None;
  });
  defMethod(t, 'setblocking', (a) => {
    sock(a[0]!).blocking = isTrue(a[1] ?? True);
    sock(a[0]!).timeout = sock(a[0]!).blocking ? None : new PyFloat(0);
    return None;
  });
  defMethod(t, 'getblocking', (a) => pyBool(sock(a[0]!).blocking));
  defMethod(t, 'settimeout', (a) => {
    const s = sock(a[0]!);
    s.timeout = a[1] ?? None;
    s.blocking = s.timeout === None || (asFloatOperand(s.timeout) ?? 0) > 0;
    return None;
  });
  defMethod(t, 'gettimeout', (a) => sock(a[0]!).timeout);
  const send = (a: PyObject[]) => {
    const e = open(a[0]!);
    const data = a[1] === undefined ? null : bytesLike(a[1]);
    if (data === null) raise(typeErrorType, `a bytes-like object is required, not '${a[1]?.type.name ?? 'NoneType'}'`);
    if (e.peer === null || e.peer.closed) oserror(32, 'Broken pipe');
    e.peer.inbox.push(data.slice());
    return data.length;
  };
  defMethod(t, 'send', (a) => intFromNumber(send(a)));
  defMethod(t, 'sendall', (a) => (send(a), None));
  defMethod(t, 'recv', (a) => {
    const e = open(a[0]!);
    const n = asJsInt(a[1] ?? None);
    if (n < 0) raise(valueErrorType, 'negative buffersize in recv');
    if (e.inbox.length === 0) {
      if (e.peer === null || e.peer.closed) return new PyBytes(new Uint8Array(0));
      if (!sock(a[0]!).blocking) oserror(EAGAIN, 'Resource temporarily unavailable');
      // one thread: nothing could ever send what a blocking recv waits for
      oserror(EAGAIN, 'Resource temporarily unavailable (a blocking recv on an empty socketpair would wait forever)');
    }
    return new PyBytes(e.take(n));
  });
  defMethod(t, 'shutdown', (a) => (open(a[0]!), None));
  defGetSet(t, 'family', (o) => intFromNumber(sock(o).family));
  defGetSet(t, 'type', (o) => intFromNumber(sock(o).kind));
  defGetSet(t, 'proto', (o) => intFromNumber(sock(o).proto));
  defGetSet(t, 'timeout', (o) => sock(o).timeout);
  return t;
}

export function makeSocketC(): PyModule {
  const m = new PyModule('_socket');
  const d = m.dict;
  const def = (name: string, f: (a: PyObject[], kw: Kwargs | null) => PyObject) => d.setStr(name, builtinFunction(name, f));
  for (const [k, v] of Object.entries(CONSTANTS)) d.setStr(k, intFromNumber(v));
  d.setStr('has_ipv6', False);
  d.setStr('error', osErrorType);
  d.setStr('herror', exceptionClass('herror', osErrorType));
  d.setStr('gaierror', exceptionClass('gaierror', osErrorType));
  // socket.timeout is TimeoutError since 3.10
  d.setStr('timeout', (sysModules().getStr('builtins') as PyModule).dict.getStr('TimeoutError')!);
  const socketType = initSocketType();
  d.setStr('socket', socketType);
  d.setStr('SocketType', socketType);
  let defaultTimeout: PyObject = None;
  def('getdefaulttimeout', () => defaultTimeout);
  def('setdefaulttimeout', (a) => {
    const t = a[0] ?? None;
    if (t !== None) {
      const v = asFloatOperand(t);
      if (v === undefined) raise(typeErrorType, `'${t.type.name}' object cannot be interpreted as an integer or float`);
      if (v < 0) raise(valueErrorType, 'Timeout value out of range');
    }
    defaultTimeout = t;
    return None;
  });
  def('gethostname', () => newStr('localhost'));
  def('socketpair', (a) => {
    const family = a[0] === undefined ? 1 : asJsInt(a[0]);
    const kind = a[1] === undefined ? 1 : asJsInt(a[1]);
    const proto = a[2] === undefined ? 0 : asJsInt(a[2]);
    const [x, y] = makePair();
    return newTuple([new PySocket(socketType, x, family, kind, proto), new PySocket(socketType, y, family, kind, proto)]);
  });
  for (const name of ['gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getaddrinfo', 'getnameinfo', 'getservbyname', 'getservbyport', 'getprotobyname', 'sethostname', 'if_nameindex', 'if_nametoindex', 'if_indextoname', 'dup', 'close']) {
    def(name, () => noNetwork(name));
  }
  def('htons', (a) => intFromNumber(swap16(unsigned(a[0], 16, 'htons'))));
  def('ntohs', (a) => intFromNumber(swap16(unsigned(a[0], 16, 'ntohs'))));
  def('htonl', (a) => intFromNumber(swap32(unsigned(a[0], 32, 'htonl'))));
  def('ntohl', (a) => intFromNumber(swap32(unsigned(a[0], 32, 'ntohl'))));
  def('inet_aton', (a) => {
    const s = a[0];
    if (!(s instanceof PyStr)) raise(typeErrorType, `inet_aton() argument 1 must be str, not ${s?.type.name ?? 'NoneType'}`);
    const b = inetAton(s.value);
    if (b === null) throw new PyError(callObject(osErrorType, [newStr('illegal IP address string passed to inet_aton')], null));
    return new PyBytes(b);
  });
  def('inet_ntoa', (a) => {
    const b = a[0] === undefined ? null : bytesLike(a[0]);
    if (b === null) raise(typeErrorType, `a bytes-like object is required, not '${a[0]?.type.name ?? 'NoneType'}'`);
    if (b.length !== 4) throw new PyError(callObject(osErrorType, [newStr('packed IP wrong length for inet_ntoa')], null));
    return newStr(Array.from(b).join('.'));
  });
  return m;
}
