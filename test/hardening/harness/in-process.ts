import type { CliIo } from '../../../src/cli/cli-io.js';
import { run } from '../../../src/cli/main.js';

/** Runs the CLI in this process with captured output, so a test can inject faults below it. */
export async function runInProcess(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    outColor: false,
    errColor: false,
  };
  const code = await run(['node', 'cnireport', ...args], io);
  return { code, out, err };
}
