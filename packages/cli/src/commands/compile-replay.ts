// The main thread's part of a compile_file run on a compile thread: the thread's lines in their
// order, with each pyc it made written (py_compile's write, then --hardlink-dupes) at the point
// the thread reached it. A write that fails ends the file there, as compile_file run in one piece
// does: the lines the thread went on to print (the next level's warnings) are dropped and
// compile_file's lines for the error printed instead. Writes are asynchronous, so the main thread
// keeps feeding the compile threads while a rename is slow, and several files' writes overlap.
import { writeCompiledPycAsync, type CompiledPyc } from '@tspyc/loader';
import { hardlinkIfSame, reportFailure, type CompileFileFlags } from './compile-file.js';
import type { WorkerAnswer } from './compile-pool.js';

/** A file's finished compile_file: its lines to print, and whether it succeeded. */
export interface FileResult {
  ok: boolean;
  output: ['stdout' | 'stderr', string][];
}

export class PycWriter {
  private readonly writing = new Set<Promise<void>>();
  private stopped = false;

  /** The file's lines, its pycs written. */
  async replay(path: string, flags: CompileFileFlags, answer: WorkerAnswer): Promise<FileResult> {
    const output: FileResult['output'] = [];
    for (const step of answer.steps) {
      if (step[0] !== 'write') {
        output.push(step);
        continue;
      }
      try {
        await this.write(step[1], step[2]);
      } catch (err) {
        return { ok: reportFailure(path, err, flags, (text, stream) => output.push([stream, text])), output };
      }
    }
    return { ok: answer.ok, output };
  }

  private async write(pyc: CompiledPyc, previous: string | null): Promise<void> {
    if (this.stopped) throw new Error('stopped before its pyc was written');
    const done = writeCompiledPycAsync(pyc).then(() => {
      if (previous !== null) hardlinkIfSame(previous, pyc.cfile);
    });
    this.writing.add(done);
    try {
      await done;
    } finally {
      this.writing.delete(done);
    }
  }

  /** No more writes; resolves once those under way have ended (each complete, or its temp file removed). */
  stop(): Promise<void> {
    this.stopped = true;
    return Promise.allSettled([...this.writing]).then(() => undefined);
  }
}
