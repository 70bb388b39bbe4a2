import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { score } from '../../../src/index.js';
import { loadAnswers } from '../../../src/io/load-answers.js';
import type { FuzzTarget } from './fuzz-target.js';
import { resultViolations } from './result-violations.js';
import { timed } from './timed.js';

/** Few draws: the Monte Carlo's arithmetic is the same at 200 draws, and the CLI target runs the full count. */
const DRAWS = 200;

/** The loader, then the decision engine on whatever it accepts. */
export function engineTarget(dir: string): FuzzTarget {
  const file = join(dir, 'answers.yaml');
  return {
    name: 'engine',
    file,
    checkValue: resultViolations,
    run: async (content) => {
      await writeFile(file, content);
      return timed(async () => score((await loadAnswers(file)).answers, undefined, { draws: DRAWS }));
    },
  };
}
