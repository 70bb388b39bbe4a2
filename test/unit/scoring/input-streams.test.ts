import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDataset } from '../../../src/io/load-dataset.js';
import type { CostKey } from '../../../src/schema/assumption-keys.js';
import { decisionCore, worldsAround } from '../../../src/scoring/decide-answers.js';
import { deriveSituation } from '../../../src/scoring/derive-situation.js';
import { inputStream } from '../../../src/scoring/input-stream.js';
import { runMonteCarlo } from '../../../src/scoring/monte-carlo.js';
import type { Parameter } from '../../../src/scoring/resolve-parameters.js';
import { exampleAnswers } from '../../helpers/make-answers.js';

const dataset = defaultDataset();
const DRAWS = 300;

/** The worlds of an example, with `extra` drawn beside its inputs (inserted at `at` in the drawn inputs). */
function worlds(name: string, extra?: { parameter: Parameter; at: number }) {
  const answers = exampleAnswers(name);
  const core = decisionCore(deriveSituation(answers, dataset), dataset);
  const input = worldsAround(core, { draws: DRAWS });
  const parameters = [...input.parameters];
  if (extra !== undefined) parameters.splice(extra.at % (parameters.length + 1), 0, extra.parameter);
  return runMonteCarlo(
    input.ctx,
    input.likely,
    parameters,
    input.base,
    input.weights,
    input.draws,
    input.seed,
    input.incumbent,
    core.winner.id,
    input.baseline,
  );
}

/** A cost input the model draws but no cost reads: it changes nothing but the draws of a shared stream. */
const inertInput = fc
  .record({
    name: fc.stringMatching(/^[a-z][A-Za-z]{2,20}$/),
    low: fc.integer({ min: 0, max: 100 }),
    spread: fc.integer({ min: 1, max: 1000 }),
    at: fc.nat(),
  })
  .map(({ name, low, spread, at }) => ({
    at,
    parameter: {
      key: `unread${name}` as CostKey,
      description: 'an input no cost reads',
      unit: 'h',
      value: low + spread / 2,
      low,
      high: low + spread,
      origin: 'default',
      kind: 'estimate',
      source: 'test',
      uncertain: true,
    } as Parameter,
  }));

describe('each input of the plausible worlds draws from its own stream', () => {
  it('adding an input to the model leaves the medians, ranges and shares of the others unchanged', () => {
    const before = worlds('scaleup-sidecar-cost');
    fc.assert(
      fc.property(inertInput, (extra) => {
        const after = worlds('scaleup-sidecar-cost', extra);
        expect(after.summary.varied).toContainEqual({ kind: 'cost', key: extra.parameter.key });
        expect(after.summary.options).toEqual(before.summary.options);
        expect(after.summary.baseline).toEqual(before.summary.baseline);
        expect(after.verdict.share).toBe(before.verdict.share);
        expect(after.verdict.leadSpread).toBe(before.verdict.leadSpread);
      }),
      { numRuns: 8, seed: 20261207 },
    );
  });

  it('gives each key a stream of its own, fixed by the seed and the key alone', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 2, maxLength: 6 }),
        (seed, keys) => {
          const take = (key: string, n: number) => {
            const s = inputStream(seed, key);
            return Array.from({ length: n }, s);
          };
          // Drawing other keys in between changes nothing of a key's draws.
          const interleaved = keys.map((k) => ({
            key: k,
            draw: inputStream(seed, k),
            drawn: [] as number[],
          }));
          for (let d = 0; d < 20; d++) for (const s of interleaved) s.drawn.push(s.draw());
          for (const s of interleaved) expect(s.drawn).toEqual(take(s.key, 20));
          // No two keys share a stream, nor one stream at an offset: no draw of one key appears among another's.
          const seen = new Set(take(keys[0] as string, 40));
          for (const k of keys.slice(1)) for (const x of take(k, 40)) expect(seen.has(x)).toBe(false);
          for (const x of take(keys[0] as string, 40)) expect(x >= 0 && x < 1).toBe(true);
          expect(take(keys[0] as string, 5)).not.toEqual(
            Array.from({ length: 5 }, inputStream(seed + 1, keys[0] as string)),
          );
        },
      ),
      { numRuns: 50, seed: 20261207 },
    );
  });
});
