import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { InternalError } from '../shared/errors.js';
import type { ByteRange } from './capture-ranges.js';
import { mergeTally } from './cluster-tally.js';
import { NotKubectlLayout } from './kubectl-list-splitter.js';
import type { RangeJob, RangeReply } from './range-worker.js';
import { type RangeTally, readKubectlRange } from './read-kubectl-range.js';

/**
 * The script a range worker runs: range-worker.cjs beside a bundle (the installed package), else the compiled
 * module; null when neither is there (TypeScript run as it is, by the tests), and every range is read here.
 */
function rangeWorkerFile(): URL | null {
  for (const name of ['./range-worker.cjs', './range-worker-main.js']) {
    const file = new URL(name, import.meta.url);
    if (existsSync(file)) return file;
  }
  return null;
}

/** Reads one range on a worker thread; settles once the thread has exited. */
function readOnWorker(file: URL, job: RangeJob): Promise<RangeTally> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: job });
    let reply: RangeReply | undefined;
    worker.once('message', (answer: RangeReply) => {
      reply = answer;
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (reply?.kind === 'read') resolve(reply.result);
      else if (reply?.kind === 'not-layout') reject(new NotKubectlLayout());
      else if (reply?.kind === 'failed')
        reject(Object.assign(new Error(reply.message), { code: reply.code }));
      else reject(new Error(`a capture reader thread stopped (exit code ${code})`));
    });
  });
}

/**
 * Reads a capture's ranges (see captureRanges) at once: the first on this thread, each other on a worker
 * thread, and adds their tallies up in the file's order, so the result is the one a single reader gets.
 */
export async function readRanges(file: string, ranges: readonly ByteRange[]): Promise<RangeTally> {
  const worker = rangeWorkerFile();
  const [head, ...others] = ranges;
  if (head === undefined) throw new InternalError('readRanges: no range to read');
  // The threads start first: the read on this thread runs to its end before it yields.
  const elsewhere = others.map((range) =>
    worker === null ? readKubectlRange(file, range) : readOnWorker(worker, { file, range }),
  );
  // Every read is awaited before any failure is passed on, so no thread outlives the call.
  const settled = await Promise.allSettled([readKubectlRange(file, head), ...elsewhere]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const [first, ...rest] = settled.map((s) => (s as PromiseFulfilledResult<RangeTally>).value) as [
    RangeTally,
    ...RangeTally[],
  ];
  for (const part of rest) mergeTally(first.tally, part.tally);
  return { tally: first.tally, list: rest.at(-1)?.list ?? first.list };
}
