// Everything the VM needs from the world outside, so it runs the same in Node and in a browser.
// The Node implementation is host-node.ts; tests use CapturedHost.

export interface Host {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}

/** A host that keeps what the program writes (tests, embedding). */
export class CapturedHost implements Host {
  stdout = '';
  stderr = '';
  writeStdout(text: string): void {
    this.stdout += text;
  }
  writeStderr(text: string): void {
    this.stderr += text;
  }
}
