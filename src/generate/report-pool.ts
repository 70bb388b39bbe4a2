import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { type PreparedReport, type PrepareSettings, RunAborted } from './prepare-report.js';
import { type ReportJob, type ReportReply, type ReportWorkerData, receivedError } from './report-worker.js';

/** Prepares the reports of a run, on this thread or on others (`prepareReport`). */
export interface ReportPreparer {
  /** How many reports it prepares at once: the run keeps that many asked for. */
  readonly parallel: number;
  /**
   * The report of `file`; rejects with a CniError for a file that cannot be reported, with RunAborted when no
   * report can be made, and with any other error for a bug.
   */
  prepare(job: ReportJob): Promise<PreparedReport>;
  /** Rasterises a chart the preparer left without its PNG (`PrepareSettings.pngs` 'later'). */
  png?(svg: string): Promise<Uint8Array>;
  /** Stops every thread it started, at once: a report being prepared is dropped. */
  close(): Promise<void>;
}

/**
 * A worker's V8 heap. A report's live data peaks near 70 MiB (the bundle loaded included), but V8 sizes a heap
 * by the machine's memory and lets garbage grow to about 175 MiB a worker before collecting it; below 256 MiB
 * it collects sooner (about 80 MiB a worker in a 20-report batch, at no measurable cost in CPU). A smaller young
 * generation (16 MiB, V8's default is three times that) keeps the short-lived garbage of drawing charts small.
 */
export const WORKER_HEAP_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 } as const;

/** What one more worker costs at most: its heap limits, its code, stack and native buffers (resvg's pixmaps). */
const MIB_PER_WORKER = 384;
/** Left for the main thread (about 300 MiB in a batch) and the browser (about 550 MiB, one page printing). */
const MIB_KEPT = 1024;

/**
 * How many report workers a batch starts: one per core, but no more than the memory available to this process
 * (its cgroup's limit included) can hold beside the main thread and the browser; at least one.
 */
export function reportPoolSize(cores: number, availableMiB: number): number {
  return Math.max(1, Math.min(cores, Math.floor((availableMiB - MIB_KEPT) / MIB_PER_WORKER)));
}

/**
 * A pool of `size` worker threads, each preparing one report at a time (scoring, charts, PNGs, HTML, deck,
 * workbook), so a batch keeps every core busy while this thread drives the browser and writes. Node's own
 * worker_threads: the jobs are few and large (a report each, a second or so), so a library's scheduling
 * would add nothing; each worker loads the bundle with its code cache, as the main thread does. Threads
 * start when first needed. A report that outgrows a worker's heap (`heapLimits`) is prepared again by `here`,
 * on this thread, and the worker is replaced.
 */
export function reportPool(
  settings: PrepareSettings,
  templateDir: string | undefined,
  size: number,
  here: ReportPreparer,
  heapLimits: ResourceLimits = WORKER_HEAP_LIMITS,
): ReportPreparer {
  const data: ReportWorkerData = { settings: { ...settings, pngs: 'here' }, templateDir };
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const queue: { job: ReportJob; resolve: (p: PreparedReport) => void; reject: (e: unknown) => void }[] = [];
  const busy = new Map<Worker, (typeof queue)[number]>();
  let closed = false;

  const dispatch = () => {
    while (queue.length > 0 && !closed) {
      const worker = idle.pop() ?? (all.size < size ? start() : undefined);
      if (worker === undefined) return;
      const task = queue.shift() as (typeof queue)[number];
      busy.set(worker, task);
      worker.postMessage(task.job);
    }
  };
  const start = (): Worker => {
    const worker = startWorker(data, heapLimits);
    all.add(worker);
    worker.on('message', (reply: ReportReply) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (task !== undefined) {
        if (reply.kind === 'prepared') task.resolve(reply.prepared);
        else if (reply.kind === 'refused') task.reject(receivedError(reply.error));
        else
          task.reject(reply.fatal ? new RunAborted(receivedError(reply.error)) : receivedError(reply.error));
      }
      dispatch();
    });
    // A thread that dies (out of memory, a crash in native code) fails its report as a bug would.
    const lost = (error: unknown) => {
      all.delete(worker);
      const task = busy.get(worker);
      busy.delete(worker);
      if (task !== undefined && !closed) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          here.prepare(task.job).then(task.resolve, task.reject);
        } else {
          task.reject(error);
        }
      }
      dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a report worker stopped (exit code ${code})`)));
    return worker;
  };

  return {
    parallel: size,
    prepare: (job) =>
      new Promise<PreparedReport>((resolve, reject) => {
        if (closed) {
          reject(new Error('the report pool is closed'));
          return;
        }
        queue.push({ job, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      const dropped = new Error('the report pool was closed');
      for (const task of [...queue.splice(0), ...busy.values()]) task.reject(dropped);
      busy.clear();
      await Promise.all([...[...all].map((worker) => worker.terminate()), here.close()]);
    },
  };
}

/**
 * How a worker thread runs `runReportWorker`: from the bundle (dist/bundle/main.cjs, loaded as bin/cnireport.js
 * loads it, with its code cache) when this code runs from it, else from the compiled modules; null when neither
 * is there (TypeScript run as it is, by the tests), and the reports are prepared on the main thread.
 */
export function reportWorkerEntry(): { readonly code: string } | { readonly file: URL } | null {
  const here = fileURLToPath(import.meta.url);
  if (basename(here) === 'main.cjs') {
    return { code: `require(${JSON.stringify(join(dirname(here), 'load.cjs'))}).load().runReportWorker();` };
  }
  const file = new URL('./report-worker-main.js', import.meta.url);
  return existsSync(file) ? { file } : null;
}

function startWorker(data: ReportWorkerData, resourceLimits: ResourceLimits): Worker {
  const entry = reportWorkerEntry();
  if (entry === null) throw new Error('no report worker entry: build the project first');
  return 'code' in entry
    ? new Worker(entry.code, { eval: true, workerData: data, resourceLimits })
    : new Worker(entry.file, { workerData: data, resourceLimits });
}
