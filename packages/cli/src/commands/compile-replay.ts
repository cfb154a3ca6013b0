// The main thread's part of a compile_file run on a compile thread: the thread's lines in their
// order, with each pyc it made written (py_compile's write, --hardlink-dupes) at the point the
// thread reached it. A write that fails ends the file there, as in compile_file run in one piece:
// the lines the thread went on to print after it (the next level's warnings) are dropped and
// compile_file's lines for the error printed instead.
import { reportFailure, writeLevel, type CompileFileFlags } from './compile-file.js';
import type { WorkerAnswer } from './compile-pool.js';

/** A file's finished compile_file: its lines to print, and whether it succeeded. */
export interface FileResult {
  ok: boolean;
  output: ['stdout' | 'stderr', string][];
}

export function replayAnswer(path: string, flags: CompileFileFlags, answer: WorkerAnswer): FileResult {
  const output: FileResult['output'] = [];
  for (const step of answer.steps) {
    if (step[0] !== 'write') {
      output.push(step);
      continue;
    }
    try {
      writeLevel(step[1], step[2]);
    } catch (err) {
      return { ok: reportFailure(path, err, flags, (text, stream) => output.push([stream, text])), output };
    }
  }
  return { ok: answer.ok, output };
}
