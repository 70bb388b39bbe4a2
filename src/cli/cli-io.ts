/** The terminal as the commands see it; tests pass a fake to run the CLI in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  outColor: boolean;
  errColor: boolean;
}

export function processIo(): CliIo {
  // `cnireport schema | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const noColor = Boolean(process.env.NO_COLOR);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    outColor: process.stdout.isTTY === true && !noColor,
    errColor: process.stderr.isTTY === true && !noColor,
  };
}
