// Log lines written in batches, one write per turn of the event loop: for a long-running server under load.

/** A batch is written early once it holds this many lines, so that one busy turn never holds much memory. */
const MAX_LINES = 1000;

/** A line writer that keeps lines until the next flush. */
export interface LineBatch {
  /** Keeps `line`; it is written, with those kept alongside it, once the current turn of the event loop ends. */
  write(line: string): void;
  /** Writes every line kept, now. */
  flush(): void;
}

/**
 * Lines joined and written by `output` once per turn of the event loop (setImmediate) rather than one write each.
 * On Node.js, stdout to a file or a pipe is written synchronously, a system call per write: at one line per
 * request that was a quarter of the server's time under load. Lines keep their order; `output` failing loses only
 * the lines of that batch. A batch of MAX_LINES goes at once. Call `flush` before the process exits, or the last
 * turn's lines are lost.
 */
export function lineBatch(
  output: (text: string) => void,
  schedule: (flush: () => void) => void = setImmediate,
): LineBatch {
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const text = `${lines.join("\n")}\n`;
    lines = [];
    try {
      output(text);
    } catch {
      // As with one line: logging never breaks the server.
    }
  };
  return {
    write(line) {
      const count = lines.push(line);
      if (count === 1) schedule(flush);
      else if (count >= MAX_LINES) flush();
    },
    flush,
  };
}
