import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../helpers/run-cli.js';
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
      const { code, out, err, ms } = await runCli('score', file, '--json');
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
