// Connected socket pairs inside the VM (socket.socketpair): the only sockets there are without a
// network, and what asyncio's event loop wakes itself with. Each endpoint has a descriptor number
// of its own (from 1000 up, clear of the host's files) so that selectors and select() can watch it.
export class Endpoint {
  /** bytes sent by the peer, not yet received */
  inbox: Uint8Array[] = [];
  peer: Endpoint | null = null;
  closed = false;
  constructor(readonly fd: number) {}

  /** recv can answer at once: data waiting, or the peer gone (end of stream) */
  readable(): boolean {
    return this.inbox.length > 0 || this.peer === null || this.peer.closed;
  }

  take(n: number): Uint8Array {
    const out: number[] = [];
    while (out.length < n && this.inbox.length > 0) {
      const head = this.inbox[0]!;
      const k = Math.min(n - out.length, head.length);
      for (let i = 0; i < k; i++) out.push(head[i]!);
      if (k === head.length) this.inbox.shift();
      else this.inbox[0] = head.subarray(k);
    }
    return Uint8Array.from(out);
  }
}

const endpoints = new Map<number, Endpoint>();
let nextFd = 1000;

export function makePair(): [Endpoint, Endpoint] {
  const a = new Endpoint(nextFd++);
  const b = new Endpoint(nextFd++);
  a.peer = b;
  b.peer = a;
  endpoints.set(a.fd, a);
  endpoints.set(b.fd, b);
  return [a, b];
}

export function endpointOf(fd: number): Endpoint | undefined {
  return endpoints.get(fd);
}

export function closeEndpoint(e: Endpoint): void {
  e.closed = true;
  endpoints.delete(e.fd);
}
