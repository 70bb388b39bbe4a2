import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/cli-io.js';
import { run } from '../../../src/cli/main.js';
import type { FuzzTarget } from './fuzz-target.js';
import { resultViolations } from './result-violations.js';

/** `cnireport score <file> --json` in-process: the exit code, stdout parsed as the result, stderr as the message. */
export function cliScoreTarget(dir: string): FuzzTarget {
  const file = join(dir, 'answers.yaml');
  return {
    name: 'cli score --json',
    file,
    checkValue: resultViolations,
    run: async (content) => {
      await writeFile(file, content);
      let out = '';
      let err = '';
      const io: CliIo = {
        out: (t) => {
          out += t;
        },
        err: (t) => {
          err += t;
        },
        outColor: false,
        errColor: false,
      };
      const start = performance.now();
      const code = await run(['node', 'cnireport', 'score', file, '--json'], io);
      const ms = performance.now() - start;
      if (code !== 0)
        return { exit: code === 1 ? 1 : 2, ms, message: err + (out === '' ? '' : `\n[stdout] ${out}`) };
      try {
        return { exit: 0, ms, value: JSON.parse(out), message: err };
      } catch {
        return { exit: 2, ms, message: `stdout is not JSON: ${out.slice(0, 200)}` };
      }
    },
  };
}
