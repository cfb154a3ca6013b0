// Where the assembler's output bytes live (co_code, co_linetable, co_exceptiontable): views into
// shared slabs. A typed array of its own needs a backing store of its own, and making those cost
// more than assembling a small code object; a view into a slab is an ordinary heap object. A slab
// lives as long as any code object whose bytes are in it.

const SLAB_BYTES = 64 * 1024;
/** larger requests get a buffer of their own (a slab would waste most of its remainder) */
const OWN_BUFFER_OVER = SLAB_BYTES / 8;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** `n` zeroed bytes nobody else holds */
export function takeBytes(n: number): Uint8Array {
  if (n > OWN_BUFFER_OVER) return new Uint8Array(n);
  if (used + n > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const out = new Uint8Array(slab, used, n);
  // 8-byte aligned, as a buffer of its own would be
  used += (n + 7) & ~7;
  return out;
}

/** a copy of `bytes` that outlives the buffer they are in */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  const out = takeBytes(bytes.length);
  out.set(bytes);
  return out;
}
