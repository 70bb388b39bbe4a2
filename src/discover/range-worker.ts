import { parentPort, workerData } from 'node:worker_threads';
import type { ByteRange } from './capture-ranges.js';
import { NotKubectlLayout } from './kubectl-list-splitter.js';
import { type RangeTally, readKubectlRange } from './read-kubectl-range.js';

/** What a range worker is started with. */
export interface RangeJob {
  readonly file: string;
  readonly range: ByteRange;
}

/** Its one answer; errors as plain data, since classes do not cross threads. */
export type RangeReply =
  | { readonly kind: 'read'; readonly result: RangeTally }
  | { readonly kind: 'not-layout' }
  | { readonly kind: 'failed'; readonly message: string; readonly code: string | undefined };

/** The body of a range worker thread: reads its range and answers once. */
export function runRangeWorker(): void {
  const { file, range } = workerData as RangeJob;
  const answer = (reply: RangeReply) => parentPort?.postMessage(reply);
  readKubectlRange(file, range).then(
    (result) => answer({ kind: 'read', result }),
    (error: unknown) =>
      answer(
        error instanceof NotKubectlLayout
          ? { kind: 'not-layout' }
          : {
              kind: 'failed',
              message: error instanceof Error ? error.message : String(error),
              code: (error as NodeJS.ErrnoException | undefined)?.code,
            },
      ),
  );
}
