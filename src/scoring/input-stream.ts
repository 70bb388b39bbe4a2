import { createHash } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** Uniform draws in [0, 1), one per call. */
export type InputStream = () => number;

/**
 * The random stream of one input of the plausible worlds: its own xoroshiro128+ generator, whose 128-bit state is
 * the first 16 bytes of SHA-256 over the run's seed and the input's key. An input's draws depend only on the seed
 * and its key, never on which other inputs the model draws or in what order, so adding an input to the model leaves
 * every other input's draws unchanged (and a quoted price, no longer drawn, leaves the others' worlds as they were).
 */
export function inputStream(seed: number, key: string): InputStream {
  const digest = createHash('sha256').update(`${seed}\u0000${key}`).digest();
  const state = [0, 4, 8, 12].map((at) => digest.readInt32LE(at));
  const rng = xoroshiro128plusFromState(state);
  return () => uniformFloat64(rng);
}
