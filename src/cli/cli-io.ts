/** The terminal as the commands see it; tests pass a fake to run the CLI in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  outColor: boolean;
  errColor: boolean;
}

export function processIo(): CliIo {
  // `cnireport schema | head` closes the pipe early, and a terminal closed during an interview fails every
  // write with EIO; neither is an error worth a stack trace.
  const ignoreClosed = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'EIO') throw error;
  };
  process.stdout.on('error', ignoreClosed);
  process.stderr.on('error', ignoreClosed);
  const noColor = Boolean(process.env.NO_COLOR);
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    outColor: process.stdout.isTTY === true && !noColor,
    errColor: process.stderr.isTTY === true && !noColor,
  };
}
