// Blocking for a while, as time.sleep and select's timeout do: the VM is synchronous, so the thread
// waits on an Atomics cell nobody signals (Node's threads and a browser's workers allow this); where
// Atomics.wait is refused (a browser's main thread) it spins.
const cell = typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : null;

export function sleepMs(ms: number): void {
  if (!(ms > 0)) return;
  const until = performance.now() + ms;
  if (cell !== null) {
    try {
      for (let left = ms; left > 0; left = until - performance.now()) Atomics.wait(cell, 0, 0, left);
      return;
    } catch {
      /* Atomics.wait not allowed on this thread */
    }
  }
  while (performance.now() < until) {
    /* spin */
  }
}
