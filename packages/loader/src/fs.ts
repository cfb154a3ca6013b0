// The file-system port the loader works through: Node's file system, or one in memory (for tests
// and for the browser). Only what the loader needs.

export interface FileStat {
  size: number;
  mtimeMs: number;
  /** nanosecond mtime, as st_mtime_ns */
  mtimeNs: bigint;
  isFile: boolean;
  isDirectory: boolean;
}

export interface FileSystem {
  /** null when the path does not exist */
  stat(path: string): FileStat | null;
  /** throws LoaderError('unreadable') when the file cannot be read */
  readFile(path: string): Uint8Array;
  /** entry names, or null when not a readable directory */
  listDir(path: string): string[] | null;
}

export class LoaderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: string | null,
  ) {
    super(message);
    this.name = 'LoaderError';
  }
}
