import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadAnswers } from '../../../src/io/load-answers.js';
import { AnswersSchema } from '../../../src/schema/answers.js';
import type { FuzzTarget } from './fuzz-target.js';
import { timed } from './timed.js';

/** The loader: read, decode, parse and validate a file. Accepted answers must validate again unchanged. */
export function loadTarget(dir: string): FuzzTarget {
  const file = join(dir, 'answers.yaml');
  return {
    name: 'loader',
    file,
    checkValue: (value) => {
      const again = AnswersSchema.safeParse(value);
      if (!again.success) return ['accepted answers do not validate a second time'];
      return JSON.stringify(again.data) === JSON.stringify(value)
        ? []
        : ['validating accepted answers changes them'];
    },
    run: async (content) => {
      await writeFile(file, content);
      return timed(async () => (await loadAnswers(file)).answers);
    },
  };
}
