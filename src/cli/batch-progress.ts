import { describeWritten } from '../generate/describe-written.js';
import type { ReportProgress } from '../generate/generate-reports.js';
import type { CliIo } from './cli-io.js';
import { paint } from './paint.js';

/** What a batch (several answers files in one `generate`) prints as its reports finish, and at the end. */
export interface BatchProgress {
  /** One answers file finished, well or not. */
  finished(progress: ReportProgress): void;
  /** After the last one: on a terminal, how long the whole batch took. */
  done(seconds: number): void;
}

/**
 * Each report's `wrote <folder>/: <files>` line goes to stdout as soon as that report is written, so a log
 * or a script reads one line per answers file rather than one long line at the end. On a terminal, stderr
 * also gets `[2/4] acme-bank 9.6 s` per finished file and a closing total; the reports are made side by
 * side, so the per-file times overlap and add up to more than the total, which the total says.
 */
export function batchProgress(io: CliIo, { terminal }: { terminal: boolean }): BatchProgress {
  let total = 0;
  let written = 0;
  return {
    finished(progress) {
      total = progress.total;
      if (progress.written !== null) written += 1;
      if (terminal) io.err(`${progressLine(io, progress)}\n`);
      if (progress.written !== null) io.out(`${describeWritten(progress.written)}\n`);
    },
    done(seconds) {
      if (!terminal || total === 0) return;
      const reports = written === total ? `${total} reports` : `${written} of ${total} reports`;
      io.err(`${reports} in ${seconds.toFixed(1)} s (files ran side by side; per-file times overlap)\n`);
    },
  };
}

function progressLine(io: CliIo, { done, total, file, slug, seconds, error }: ReportProgress): string {
  const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
  return error === null
    ? `${counter} ${slug} ${paint(io.errColor, 'dim', `${seconds.toFixed(1)} s`)}`
    : `${counter} ${file} ${paint(io.errColor, 'red', 'failed')}`;
}
