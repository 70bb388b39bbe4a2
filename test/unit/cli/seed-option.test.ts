import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const example = 'examples/regulated-bank.yaml';

describe('--seed', () => {
  it.each(['abc', '-5', '1e3', '1.5', '2147483648', ''])(
    'score and generate refuse %j alike, before any work',
    async (seed) => {
      const scored = await runCli('score', example, '--seed', seed);
      const generated = await runCli('generate', example, '--out', '/nonexistent/never', '--seed', seed);
      expect(scored.code).toBe(1);
      expect(scored.out).toBe('');
      expect(scored.err).toContain(
        `error: option '--seed <n>' argument '${seed}' is invalid. expected a whole number from 0 to 2147483647 (got ${seed})`,
      );
      expect(generated).toMatchObject({ code: 1, err: scored.err });
    },
  );

  it('score records the seed it was given', async () => {
    const { code, out } = await runCli('score', example, '--json', '--seed', '42');
    expect(code).toBe(0);
    expect(JSON.parse(out).monteCarlo.seed).toBe(42);
  });
});
