import { closeSync, openSync, readSync } from 'node:fs';
import type { ByteRange } from './capture-ranges.js';
import { addToTally, type ClusterTally, emptyTally } from './cluster-tally.js';
import type { JsonView } from './json-view.js';
import { KubectlListSplitter } from './kubectl-list-splitter.js';
import { objectFacts } from './object-facts.js';

/** What one range of kubectl's List adds up to, and, for the range that ends the file, the List's own fields. */
export interface RangeTally {
  readonly tally: ClusterTally;
  readonly list: { kind: unknown; apiVersion: unknown } | undefined;
}

export const addObject = (tally: ClusterTally) => (object: JsonView) => {
  const facts = objectFacts(object);
  if (facts !== null) addToTally(tally, facts);
};

/** How much is read at a time. */
const CHUNK_BYTES = 4 << 20;

/**
 * Reads one range of an uncompressed capture in kubectl's layout (see KubectlListSplitter), synchronously:
 * the range's reader has nothing else to do meanwhile (each runs on its own thread, see readRanges), and a
 * read straight into the splitter's buffer costs no allocation and no hand-over to another thread. Throws
 * NotKubectlLayout where the bytes are not kubectl's, and the file system's error where the file cannot be read.
 */
export async function readKubectlRange(file: string, range: ByteRange): Promise<RangeTally> {
  const tally = emptyTally();
  const splitter = new KubectlListSplitter(addObject(tally), range);
  const fd = openSync(file, 'r');
  try {
    for (let at = range.start; at < range.end; ) {
      const wanted = Math.min(CHUNK_BYTES, range.end - at);
      const read = readSync(fd, splitter.room(wanted), 0, wanted, at);
      if (read === 0) break;
      splitter.commit(read);
      at += read;
    }
  } finally {
    closeSync(fd);
  }
  return { tally, list: splitter.end() };
}
