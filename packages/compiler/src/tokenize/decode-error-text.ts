// str() of a UnicodeDecodeError, as every codec's strict decoder words it.

/** "'<codec>' codec can't decode byte(s) …: reason" for the bytes [start, end) of `b` */
export function decodeErrorText(codec: string, b: ArrayLike<number>, start: number, end: number, reason: string): string {
  const what = end - start === 1 ? `byte 0x${b[start]!.toString(16).padStart(2, '0')} in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return `'${codec}' codec can't decode ${what}: ${reason}`;
}
