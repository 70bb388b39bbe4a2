import { parentPort, workerData } from 'node:worker_threads';
import { fromWorker } from '../shared/error-catalogue.js';
import { CniError } from '../shared/errors.js';
import { loadRenderers } from './load-renderers.js';
import { type PreparedReport, type PrepareSettings, prepareReport } from './prepare-report.js';

/** What a report worker is started with. */
export interface ReportWorkerData {
  readonly settings: PrepareSettings;
  readonly templateDir: string | undefined;
}

/** A job: the index of an input file in the batch, and its path. */
export interface ReportJob {
  readonly index: number;
  readonly file: string;
}

/** What a worker answers a job with: the report, the reason the file cannot be reported, or a failure of the run. */
export type ReportReply =
  | { readonly index: number; readonly kind: 'prepared'; readonly prepared: PreparedReport }
  | { readonly index: number; readonly kind: 'refused'; readonly error: SentError }
  | { readonly index: number; readonly kind: 'failed'; readonly error: SentError; readonly fatal: boolean };

/** A CniError, or any other error, as plain data: classes do not cross threads. */
export interface SentError {
  readonly code?: CniError['code'];
  readonly message: string;
  readonly hint?: string;
  readonly exitCode?: number;
  readonly stack?: string;
}

export function sendError(error: unknown): SentError {
  if (error instanceof CniError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      exitCode: error.exitCode,
    };
  }
  return error instanceof Error
    ? { message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) }
    : { message: String(error) };
}

/** The error a SentError stood for: a CniError again, or an Error that keeps the worker's stack. */
export function receivedError(sent: SentError): Error {
  if (sent.code !== undefined) return fromWorker({ ...sent, code: sent.code });
  const error = new Error(sent.message);
  if (sent.stack !== undefined) error.stack = sent.stack;
  return error;
}

/**
 * The body of a report worker thread (see `reportPool`): loads the renderers once, then prepares each report it
 * is sent, one at a time, and posts it back with its bytes transferred rather than copied.
 */
export function runReportWorker(): void {
  const port = parentPort;
  if (port === null) throw new Error('runReportWorker runs in a worker thread');
  const { settings, templateDir } = workerData as ReportWorkerData;
  const renderers = loadRenderers(templateDir);
  renderers.catch(() => undefined);
  port.on('message', async ({ index, file }: ReportJob) => {
    let reply: ReportReply;
    try {
      const loaded = await renderers.catch((error: unknown) => {
        throw new RenderersFailed(error);
      });
      reply = { index, kind: 'prepared', prepared: await prepareReport(settings, loaded, file) };
    } catch (error) {
      reply =
        error instanceof RenderersFailed
          ? { index, kind: 'failed', error: sendError(error.reason), fatal: true }
          : error instanceof CniError
            ? { index, kind: 'refused', error: sendError(error) }
            : { index, kind: 'failed', error: sendError(error), fatal: false };
    }
    port.postMessage(reply, reply.kind === 'prepared' ? transferables(reply.prepared) : []);
  });
}

/**
 * The report's byte buffers, moved to the main thread instead of copied: those that own their whole buffer (a
 * small Node Buffer is a slice of a shared pool, which is copied).
 */
function transferables(prepared: PreparedReport): ArrayBuffer[] {
  const { deck, workbook, charts } = prepared.report;
  const owned = [deck, workbook, ...charts.map((c) => c.png ?? null)].flatMap((b) =>
    b !== null &&
    b.buffer instanceof ArrayBuffer &&
    b.byteOffset === 0 &&
    b.byteLength === b.buffer.byteLength
      ? [b.buffer]
      : [],
  );
  return [...new Set(owned)];
}

/** The renderers could not be loaded (a broken --template): no report of the run can be made. */
class RenderersFailed {
  constructor(readonly reason: unknown) {}
}
